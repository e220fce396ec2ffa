"""Seeds the catalog-2 data and messaging services into a moto server for MotoCatalog2DataScanTest.

Usage: python3 seed_catalog2_data.py ENDPOINT PRIMARY RECOVERY ACCOUNT_A ACCOUNT_B ROLE_NAME

Each account is reached through sts:AssumeRole into ROLE_NAME, as the scanner reaches it. Every
service gets a good and a bad case where moto implements what the rule reads; where it does not
(EFS replication configurations, EventBridge global endpoints answer 500 in moto 5.2.1), the test
asserts INSUFFICIENT_DATA naming the gap. Prints {"seeded": true} as JSON on its last line.
"""
import json
import sys
import urllib.parse

import boto3

endpoint, primary, recovery, account_a, account_b, role_name = sys.argv[1:7]
# it creates resources: never against anything but an emulator on this machine
if urllib.parse.urlparse(endpoint).hostname not in ("127.0.0.1", "localhost", "::1"):
    sys.exit(f"seed_catalog2_data.py: refusing to seed {endpoint}: only a loopback emulator endpoint is allowed")
BASE = dict(endpoint_url=endpoint, aws_access_key_id="AKIATESTNOTREAL00000",
            aws_secret_access_key="test-secret-not-real")


def session(account):
    sts = boto3.client("sts", region_name=primary, **BASE)
    c = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{role_name}", RoleSessionName="seed")["Credentials"]
    return boto3.Session(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
                         aws_session_token=c["SessionToken"])


def client(s, service, region):
    return s.client(service, region_name=region, endpoint_url=endpoint)


def queue(s, region, name, **attrs):
    attrs = {k: str(v) for k, v in attrs.items()}
    return client(s, "sqs", region).create_queue(QueueName=name, Attributes=attrs)["QueueUrl"]


def seed_account_a(s, account):
    p, r = primary, recovery
    # SQS: an equivalent queue in both regions; one missing there; one whose copy keeps messages 1 h
    for region in (p, r):
        queue(s, region, "orders-events", MessageRetentionPeriod=345600, VisibilityTimeout=60)
    queue(s, p, "refunds", MessageRetentionPeriod=345600)
    queue(s, p, "audit-events", MessageRetentionPeriod=345600)
    queue(s, r, "audit-events", MessageRetentionPeriod=3600)

    # SNS: a topic with an SQS subscription in both regions; one topic only in the primary
    for region in (p, r):
        sns = client(s, "sns", region)
        arn = sns.create_topic(Name="order-alerts")["TopicArn"]
        sns.subscribe(TopicArn=arn, Protocol="sqs", Endpoint=f"arn:aws:sqs:{region}:{account}:orders-events")
    client(s, "sns", p).create_topic(Name="billing-alerts")

    # EventBridge: the same rule on the orders bus in both regions, each targeting its own region's
    # queue; a second rule only in the primary
    pattern = json.dumps({"source": ["orders"], "detail-type": ["OrderPlaced"]})
    for region in (p, r):
        ev = client(s, "events", region)
        ev.create_event_bus(Name="orders")
        ev.put_rule(Name="order-placed", EventBusName="orders", EventPattern=pattern)
        ev.put_targets(Rule="order-placed", EventBusName="orders",
                       Targets=[{"Id": "q", "Arn": f"arn:aws:sqs:{region}:{account}:orders-events"}])
    ev = client(s, "events", p)
    ev.put_rule(Name="order-cancelled", EventBusName="orders", EventPattern=json.dumps({"source": ["orders"]}))
    ev.put_targets(Rule="order-cancelled", EventBusName="orders", Targets=[{"Id": "q", "Arn": f"arn:aws:sqs:{p}:{account}:refunds"}])

    # EFS: a file system (moto cannot describe replication configurations)
    client(s, "efs", p).create_file_system(CreationToken="media", Tags=[{"Key": "Name", "Value": "media-use1"}])

    # ElastiCache: a replication group in no global datastore
    client(s, "elasticache", p).create_replication_group(ReplicationGroupId="sessions-use1", ReplicationGroupDescription="sessions",
                                                         Engine="redis", CacheNodeType="cache.t3.micro")

    # EKS: a cluster whose recovery twin can scale far enough, and one with no twin
    for name, region, mx, desired in (("payments-use1", p, 20, 8), ("payments-euw1", r, 10, 1), ("batch-use1", p, 5, 2)):
        eks = client(s, "eks", region)
        eks.create_cluster(name=name, version="1.30", roleArn=f"arn:aws:iam::{account}:role/eks",
                           resourcesVpcConfig={"subnetIds": ["subnet-0a1b2c3d"]})
        eks.create_nodegroup(clusterName=name, nodegroupName="general", nodeRole=f"arn:aws:iam::{account}:role/node",
                             subnets=["subnet-0a1b2c3d"], scalingConfig={"minSize": 1, "maxSize": mx, "desiredSize": desired})

    # Neptune (moto has no DocumentDB engine): a cluster in no global database
    client(s, "neptune", p).create_db_cluster(DBClusterIdentifier="fraud-graph-use1", Engine="neptune")


def seed_account_b(s):
    # the second account: one queue with its twin, so both assumed accounts are judged
    for region in (primary, recovery):
        queue(s, region, "ledger-events", MessageRetentionPeriod=86400)


seed_account_a(session(account_a), account_a)
seed_account_b(session(account_b))
print(json.dumps({"seeded": True}))
