"""Seeds a two-account, two-region estate into a moto server for MotoScanTest.

Usage: python3 seed_estate.py ENDPOINT PRIMARY RECOVERY ACCOUNT_A ACCOUNT_B ROLE_NAME

Each account is reached the way the scanner reaches it: sts:AssumeRole into ROLE_NAME (moto
files what an assumed-role session creates under the role's account). Every service gets a good
and a bad case, so each assertion in the test can fail. Prints, as JSON on its last line, the
ids of the organization accounts it created (moto picks them).
"""
import io
import json
import sys
import urllib.parse
import zipfile

import boto3

endpoint, primary, recovery, account_a, account_b, role_name = sys.argv[1:7]
# it creates resources: never against anything but an emulator on this machine
if urllib.parse.urlparse(endpoint).hostname not in ("127.0.0.1", "localhost", "::1"):
    sys.exit(f"seed_estate.py: refusing to seed {endpoint}: only a loopback emulator endpoint is allowed")
BASE = dict(endpoint_url=endpoint, aws_access_key_id="AKIATESTNOTREAL00000",
            aws_secret_access_key="test-secret-not-real")


def session(account):
    sts = boto3.client("sts", region_name=primary, **BASE)
    c = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{role_name}",
                        RoleSessionName="seed")["Credentials"]
    return boto3.Session(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
                         aws_session_token=c["SessionToken"])


def client(s, service, region):
    return s.client(service, region_name=region, endpoint_url=endpoint)


def seed_account_a(s):
    p, r = primary, recovery
    # KMS: a multi-Region key with a replica (used by the replicated secret), a single-Region key
    # with no counterpart (used by the unreplicated secret)
    kms_p = client(s, "kms", p)
    mrk = kms_p.create_key(MultiRegion=True, Description="orders data")["KeyMetadata"]
    kms_p.create_alias(AliasName="alias/orders", TargetKeyId=mrk["KeyId"])
    client(s, "kms", p).replicate_key(KeyId=mrk["KeyId"], ReplicaRegion=r)
    lonely = kms_p.create_key(Description="billing data")["KeyMetadata"]
    kms_p.create_alias(AliasName="alias/billing", TargetKeyId=lonely["KeyId"])

    # Secrets Manager: one secret replicated (InSync), one not
    sm = client(s, "secretsmanager", p)
    # its replica is encrypted with the multi-Region key's replica (same key id in the recovery region)
    sm.create_secret(Name="prod/db-password", SecretString="never-read-1", KmsKeyId=mrk["Arn"],
                     AddReplicaRegions=[{"Region": r, "KmsKeyId": mrk["KeyId"]}])
    sm.create_secret(Name="prod/billing-token", SecretString="never-read-2", KmsKeyId=lonely["Arn"])
    # an unrelated secret already holds the name in the recovery region: the replica fails
    client(s, "secretsmanager", r).create_secret(Name="prod/session-key", SecretString="never-read-6")
    sm.create_secret(Name="prod/session-key", SecretString="never-read-7", AddReplicaRegions=[{"Region": r}])

    # S3: orders replicated (with RTC and metrics) to a versioned bucket in the recovery region,
    # logs not replicated
    s3p, s3r = client(s, "s3", p), client(s, "s3", r)
    for b, reg, c in (("orders-use1", p, s3p), ("logs-use1", p, s3p), ("orders-euw1", r, s3r),
                      ("invoices-use1", p, s3p), ("invoices-euw1", r, s3r)):
        kw = {} if reg == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": reg}}
        c.create_bucket(Bucket=b, **kw)
    for b, c in (("orders-use1", s3p), ("orders-euw1", s3r), ("logs-use1", s3p),
                 ("invoices-use1", s3p), ("invoices-euw1", s3r)):
        c.put_bucket_versioning(Bucket=b, VersioningConfiguration={"Status": "Enabled"})
    for src, dst in (("orders-use1", "orders-euw1"), ("invoices-use1", "invoices-euw1")):
        s3p.put_bucket_replication(Bucket=src, ReplicationConfiguration={
            "Role": f"arn:aws:iam::{account_a}:role/s3-replication",
            "Rules": [{"ID": "all", "Priority": 1, "Status": "Enabled", "Filter": {},
                       "DeleteMarkerReplication": {"Status": "Disabled"},
                       "Destination": {"Bucket": f"arn:aws:s3:::{dst}",
                                       "ReplicationTime": {"Status": "Enabled", "Time": {"Minutes": 15}},
                                       "Metrics": {"Status": "Enabled", "EventThreshold": {"Minutes": 15}}}}]})

    # RDS: an Aurora global cluster with a secondary in the recovery region; a MySQL instance with
    # a cross-region read replica of the same class; one with a smaller-class replica; one with none
    rds_p, rds_r = client(s, "rds", p), client(s, "rds", r)
    rds_p.create_global_cluster(GlobalClusterIdentifier="orders-global", Engine="aurora-mysql",
                                EngineVersion="8.0.mysql_aurora.3.04.0")
    rds_p.create_db_cluster(DBClusterIdentifier="orders-aurora", Engine="aurora-mysql",
                            EngineVersion="8.0.mysql_aurora.3.04.0", MasterUsername="admin",
                            MasterUserPassword="not-a-real-pw-1", GlobalClusterIdentifier="orders-global")
    rds_r.create_db_cluster(DBClusterIdentifier="orders-aurora-dr", Engine="aurora-mysql",
                            EngineVersion="8.0.mysql_aurora.3.04.0", GlobalClusterIdentifier="orders-global")
    for c, cid in ((rds_p, "orders-aurora"), (rds_r, "orders-aurora-dr")):
        c.create_db_instance(DBInstanceIdentifier=cid + "-1", DBClusterIdentifier=cid, Engine="aurora-mysql",
                             DBInstanceClass="db.r6g.large")
    rds_p.create_db_cluster(DBClusterIdentifier="ledger-aurora", Engine="aurora-mysql",
                            EngineVersion="8.0.mysql_aurora.3.04.0", MasterUsername="admin",
                            MasterUserPassword="not-a-real-pw-2")
    for name, cls in (("reports-db", "db.r5.large"), ("audit-db", "db.r5.xlarge"), ("scratch-db", "db.t3.micro")):
        rds_p.create_db_instance(DBInstanceIdentifier=name, DBInstanceClass=cls, Engine="mysql",
                                 MasterUsername="admin", MasterUserPassword="not-a-real-pw-3",
                                 AllocatedStorage=20)
    rds_r.create_db_instance_read_replica(
        DBInstanceIdentifier="reports-db-dr", DBInstanceClass="db.r5.large",
        SourceDBInstanceIdentifier=f"arn:aws:rds:{p}:{account_a}:db:reports-db")
    rds_r.create_db_instance_read_replica(
        DBInstanceIdentifier="audit-db-dr", DBInstanceClass="db.t3.micro",
        SourceDBInstanceIdentifier=f"arn:aws:rds:{p}:{account_a}:db:audit-db")

    # ECR: registry replication to the recovery region for repositories starting "api"
    ecr_p = client(s, "ecr", p)
    ecr_p.create_repository(repositoryName="api-server")
    ecr_p.create_repository(repositoryName="batch-worker")
    # the destination exists too, so the answer does not hang on whether replication would create it
    client(s, "ecr", r).create_repository(repositoryName="api-server")
    ecr_p.put_replication_configuration(replicationConfiguration={"rules": [{
        "destinations": [{"region": r, "registryId": account_a}],
        "repositoryFilters": [{"filter": "api", "filterType": "PREFIX_MATCH"}]}]})

    # Security Hub, GuardDuty, Config: on in both regions in account A
    for reg in (p, r):
        client(s, "securityhub", reg).enable_security_hub(EnableDefaultStandards=False)
        client(s, "guardduty", reg).create_detector(Enable=True)
        cfg = client(s, "config", reg)
        cfg.put_configuration_recorder(ConfigurationRecorder={
            "name": "default", "roleARN": f"arn:aws:iam::{account_a}:role/config",
            "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": reg == p}})
        cfg.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": "logs-use1"})
        cfg.start_configuration_recorder(ConfigurationRecorderName="default")

    # CloudTrail: a logging multi-region trail with log file validation
    ct = client(s, "cloudtrail", p)
    ct.create_trail(Name="org-audit", S3BucketName="logs-use1", IsMultiRegionTrail=True,
                    EnableLogFileValidation=True)
    ct.start_logging(Name="org-audit")

    # Auto Scaling: web has enough recovery capacity, jobs does not
    for reg in (p, r):
        asg = client(s, "autoscaling", reg)
        asg.create_launch_configuration(LaunchConfigurationName="lc", ImageId="ami-12c6146b",
                                        InstanceType="t3.micro")
    suffix = {p: "use1", r: "euw1"}
    for reg, web_max, jobs_max in ((p, 6, 4), (r, 6, 1)):
        asg = client(s, "autoscaling", reg)
        for name, desired, mx in (("web", 2, web_max), ("jobs", 3 if reg == p else 0, jobs_max)):
            asg.create_auto_scaling_group(AutoScalingGroupName=f"{name}-{suffix[reg]}",
                                          LaunchConfigurationName="lc", MinSize=0, MaxSize=mx,
                                          DesiredCapacity=min(desired, mx),
                                          AvailabilityZones=[f"{reg}a"])

    # batch has the capacity in the recovery region, but launching is suspended there
    for reg in (p, r):
        client(s, "autoscaling", reg).create_auto_scaling_group(
            AutoScalingGroupName=f"batch-{suffix[reg]}", LaunchConfigurationName="lc", MinSize=0, MaxSize=4,
            DesiredCapacity=2 if reg == p else 0, AvailabilityZones=[f"{reg}a"])
    client(s, "autoscaling", r).suspend_processes(AutoScalingGroupName=f"batch-{suffix[r]}",
                                                  ScalingProcesses=["Launch"])

    # ECS: checkout runs 3 in the primary and 3 in the recovery region; ledger 2 vs 0 (and with
    # a different image)
    for reg in (p, r):
        ecs = client(s, "ecs", reg)
        ecs.create_cluster(clusterName="main")
        for svc, image, count in (("checkout", "repo/checkout:1.4.2", 3),
                                  ("ledger", "repo/ledger:2.0.0" if reg == p else "repo/ledger:1.9.0",
                                   2 if reg == p else 0)):
            td = ecs.register_task_definition(family=svc, containerDefinitions=[
                {"name": svc, "image": image, "memory": 256}])["taskDefinition"]["taskDefinitionArn"]
            ecs.create_service(cluster="main", serviceName=svc, taskDefinition=td, desiredCount=count)

    # SSM: db-host in both regions (the recovery copy names a primary-region endpoint), a flag only
    # in the primary
    ssm_p, ssm_r = client(s, "ssm", p), client(s, "ssm", r)
    ssm_p.put_parameter(Name="/app/db-host", Value="orders.cluster-abc.us-east-1.rds.amazonaws.com", Type="String")
    ssm_r.put_parameter(Name="/app/db-host", Value="orders.cluster-abc.us-east-1.rds.amazonaws.com", Type="String")
    ssm_p.put_parameter(Name="/app/feature-flags", Value="on", Type="String")
    ssm_p.put_parameter(Name="/app/api-token", Value="never-read-3", Type="SecureString")
    ssm_r.put_parameter(Name="/app/api-token", Value="never-read-4", Type="SecureString")
    # more parameters than one DescribeParameters page (moto pages at 10 by default, as AWS does)
    for i in range(12):
        for c in (ssm_p, ssm_r):
            c.put_parameter(Name=f"/app/pool/p{i:02d}", Value="16", Type="String")

    # CloudWatch: replication alarms (S3 reports ReplicationLatency in the destination's region and
    # OperationsFailedReplication in the source's: the orders alarm sits where no datapoint
    # arrives, the invoices alarm where they do); an alarm with a counterpart and one without
    cw_p, cw_r = client(s, "cloudwatch", p), client(s, "cloudwatch", r)
    alarm = dict(ComparisonOperator="GreaterThanThreshold", EvaluationPeriods=1, Period=60,
                 Statistic="Maximum", Threshold=900)
    for cw, name, src, dst, metric in ((cw_p, "orders-replication-latency", "orders-use1", "orders-euw1", "ReplicationLatency"),
                                       (cw_p, "invoices-replication-failed", "invoices-use1", "invoices-euw1", "OperationsFailedReplication"),
                                       (cw_r, "invoices-replication-latency", "invoices-use1", "invoices-euw1", "ReplicationLatency")):
        cw.put_metric_alarm(AlarmName=name, Namespace="AWS/S3", MetricName=metric,
                            Dimensions=[{"Name": "SourceBucket", "Value": src},
                                        {"Name": "DestinationBucket", "Value": dst},
                                        {"Name": "RuleId", "Value": "all"}], **alarm)
    cw_p.put_metric_alarm(AlarmName="checkout-5xx", Namespace="AWS/ApplicationELB",
                          MetricName="HTTPCode_Target_5XX_Count", **alarm)
    cw_r.put_metric_alarm(AlarmName="checkout-5xx", Namespace="AWS/ApplicationELB",
                          MetricName="HTTPCode_Target_5XX_Count", **alarm)
    cw_p.put_metric_alarm(AlarmName="ledger-errors", Namespace="AWS/Lambda", MetricName="Errors", **alarm)

    # Backup: orders bucket covered by a plan that copies to the recovery region; logs not
    bk_p, bk_r = client(s, "backup", p), client(s, "backup", r)
    bk_p.create_backup_vault(BackupVaultName="primary-vault")
    dr_vault = bk_r.create_backup_vault(BackupVaultName="dr-vault")["BackupVaultArn"]
    bk_p.create_backup_plan(BackupPlan={"BackupPlanName": "daily", "Rules": [{
        "RuleName": "daily", "TargetBackupVaultName": "primary-vault",
        "ScheduleExpression": "cron(0 5 ? * * *)",
        "CopyActions": [{"DestinationBackupVaultArn": dr_vault}]}]})
    # (moto 5.2.1 has no backup selections: which resources the plan covers stays unknown)

    # Route 53: failover records for api.example.com, the primary guarded by a deep health check;
    # pay.example.com guarded by a check of "/" only; www.example.com a simple record
    r53 = client(s, "route53", p)
    zone = r53.create_hosted_zone(Name="example.com", CallerReference="seed-a")["HostedZone"]["Id"]
    hc = r53.create_health_check(CallerReference="seed-hc", HealthCheckConfig={
        "Type": "HTTPS", "FullyQualifiedDomainName": "api-use1.example.com", "ResourcePath": "/health",
        "RequestInterval": 10, "FailureThreshold": 3})["HealthCheck"]["Id"]
    shallow = r53.create_health_check(CallerReference="seed-hc-shallow", HealthCheckConfig={
        "Type": "HTTPS", "FullyQualifiedDomainName": "pay-use1.example.com", "ResourcePath": "/",
        "RequestInterval": 30, "FailureThreshold": 3})["HealthCheck"]["Id"]
    r53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": [
        {"Action": "CREATE", "ResourceRecordSet": {
            "Name": "api.example.com", "Type": "CNAME", "SetIdentifier": "primary", "Failover": "PRIMARY",
            "TTL": 30, "HealthCheckId": hc, "ResourceRecords": [{"Value": f"api.{p}.elb.amazonaws.com"}]}},
        {"Action": "CREATE", "ResourceRecordSet": {
            "Name": "api.example.com", "Type": "CNAME", "SetIdentifier": "secondary", "Failover": "SECONDARY",
            "TTL": 30, "ResourceRecords": [{"Value": f"api.{r}.elb.amazonaws.com"}]}},
        {"Action": "CREATE", "ResourceRecordSet": {
            "Name": "pay.example.com", "Type": "CNAME", "SetIdentifier": "primary", "Failover": "PRIMARY",
            "TTL": 30, "HealthCheckId": shallow, "ResourceRecords": [{"Value": f"pay.{p}.elb.amazonaws.com"}]}},
        {"Action": "CREATE", "ResourceRecordSet": {
            "Name": "pay.example.com", "Type": "CNAME", "SetIdentifier": "secondary", "Failover": "SECONDARY",
            "TTL": 30, "ResourceRecords": [{"Value": f"pay.{r}.elb.amazonaws.com"}]}},
        {"Action": "CREATE", "ResourceRecordSet": {
            "Name": "www.example.com", "Type": "CNAME", "TTL": 300,
            "ResourceRecords": [{"Value": f"www.{p}.elb.amazonaws.com"}]}}]})

    # IAM + Lambda: ingest runs in both regions with the same code; its role's inline policy pins
    # it to the primary region; report has no counterpart
    iam = client(s, "iam", p)
    role = iam.create_role(RoleName="ingest-role", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                "Principal": {"Service": "lambda.amazonaws.com"}}]}))["Role"]["Arn"]
    iam.put_role_policy(RoleName="ingest-role", PolicyName="pinned", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*",
                                                "Condition": {"StringEquals": {"aws:RequestedRegion": p}}}]}))
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as z:
        z.writestr("index.py", "def handler(event, context):\n    return 'ok'\n")
    for reg, fn, env in ((p, "ingest", {"QUEUE_URL": f"https://sqs.{p}.amazonaws.com/{account_a}/ingest"}),
                         (r, "ingest", {"QUEUE_URL": f"https://sqs.{p}.amazonaws.com/{account_a}/ingest"}),
                         (p, "report", {})):
        lam = client(s, "lambda", reg)
        lam.create_function(FunctionName=fn, Runtime="python3.12", Role=role, Handler="index.handler",
                            Code={"ZipFile": code.getvalue()}, Environment={"Variables": env})
        if fn == "ingest":
            lam.put_function_concurrency(FunctionName=fn, ReservedConcurrentExecutions=50)

    # DynamoDB: a table; moto cannot add replicas through UpdateTable
    client(s, "dynamodb", p).create_table(TableName="orders", BillingMode="PAY_PER_REQUEST",
                                          AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                                          KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])


def seed_account_b(s):
    p, r = primary, recovery
    # A second account with its security services on in the primary only and no trail
    client(s, "securityhub", p).enable_security_hub(EnableDefaultStandards=False)
    client(s, "guardduty", p).create_detector(Enable=True)
    client(s, "guardduty", r).create_detector(Enable=False)
    cfg = client(s, "config", p)
    cfg.put_configuration_recorder(ConfigurationRecorder={
        "name": "default", "roleARN": f"arn:aws:iam::{account_b}:role/config",
        "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True}})
    sm = client(s, "secretsmanager", p)
    sm.create_secret(Name="payments/key", SecretString="never-read-5", AddReplicaRegions=[{"Region": r}])


def seed_organization():
    """The caller's own account manages an organization: one member active, one closed."""
    org = boto3.client("organizations", region_name="us-east-1", **BASE)
    org.create_organization(FeatureSet="ALL")
    ids = {}
    for name in ("workloads", "retired"):
        st = org.create_account(AccountName=name, Email=f"{name}@example.com")["CreateAccountStatus"]
        ids[name] = st["AccountId"]
    org.close_account(AccountId=ids["retired"])
    return ids


a, b = session(account_a), session(account_b)
seed_account_a(a)
seed_account_b(b)
print(json.dumps({"organization": seed_organization()}))
