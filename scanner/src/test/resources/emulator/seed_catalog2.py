"""Seeds every catalog-2 service moto implements into a moto server for MotoCatalog2ScanTest.

Usage: python3 seed_catalog2.py ENDPOINT PRIMARY RECOVERY ACCOUNT_A ACCOUNT_B ROLE_NAME

Two accounts in two regions, each reached through sts:AssumeRole into ROLE_NAME as the scanner
reaches it (moto 5.2.1 keeps one backend per account id and gives the assumed role's credentials
the role ARN's account). Account A holds the data and messaging services (SQS, SNS, EventBridge,
EFS, ElastiCache, EKS, Neptune), account B the edge and network ones (VPC, ACM, ELBv2, API
Gateway, CloudFront) and one queue pair. Every rule gets a planted problem where moto implements
what it reads; where it does not (EFS replication configurations and EventBridge global endpoints
answer 500, ListDistributions carries no origins) the test asserts INSUFFICIENT_DATA naming the
gap. Prints what it created as JSON on its last line.
"""
import json
import sys
import urllib.parse

import boto3

endpoint, primary, recovery, account_a, account_b, role_name = sys.argv[1:7]
# it creates resources: never against anything but an emulator on this machine
if urllib.parse.urlparse(endpoint).hostname not in ("127.0.0.1", "localhost", "::1"):
    sys.exit(f"seed_catalog2.py: refusing to seed {endpoint}: only a loopback emulator endpoint is allowed")
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


def seed_account_b(s, out):
    # a queue with its twin beside the edge estate, so a rule is judged in both assumed accounts
    for region in (primary, recovery):
        queue(s, region, "ledger-events", MessageRetentionPeriod=86400)
    seed_edge(s, out)



def network(s, region, name, zones, nat_zones, endpoints):
    ec2 = client(s, "ec2", region)
    vpc = ec2.create_vpc(CidrBlock="10.10.0.0/16",
                         TagSpecifications=[{"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": name}]}])["Vpc"]["VpcId"]
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    public, private = [], []
    for i, z in enumerate(zones):
        pub = ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.10.{i * 2}.0/24", AvailabilityZone=z)["Subnet"]["SubnetId"]
        prv = ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.10.{i * 2 + 1}.0/24", AvailabilityZone=z)["Subnet"]["SubnetId"]
        public.append(pub)
        private.append(prv)
        rt = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
        ec2.create_route(RouteTableId=rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
        ec2.associate_route_table(RouteTableId=rt, SubnetId=pub)
        if z in nat_zones:
            eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
            nat = ec2.create_nat_gateway(SubnetId=pub, AllocationId=eip)["NatGateway"]["NatGatewayId"]
            prt = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
            ec2.create_route(RouteTableId=prt, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat)
            ec2.associate_route_table(RouteTableId=prt, SubnetId=prv)
    for svc in endpoints:
        ec2.create_vpc_endpoint(VpcId=vpc, ServiceName=f"com.amazonaws.{region}.{svc}", VpcEndpointType="Interface",
                                SubnetIds=private[:1])
    return vpc, public, private


def certificate(s, region, domain, sans):
    return client(s, "acm", region).request_certificate(DomainName=domain, SubjectAlternativeNames=sans,
                                                         ValidationMethod="DNS")["CertificateArn"]


def balancer(s, region, name, vpc, subnets, cert, https, targets):
    elb = client(s, "elbv2", region)
    lb = elb.create_load_balancer(Name=name, Subnets=subnets, Type="application", Scheme="internet-facing",
                                  Tags=[{"Key": "app", "Value": "shop"}])["LoadBalancers"][0]
    tg = elb.create_target_group(Name=name + "-web", Protocol="HTTP", Port=8080, VpcId=vpc, TargetType="instance")["TargetGroups"][0]
    elb.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80,
                        DefaultActions=[{"Type": "forward", "TargetGroupArn": tg["TargetGroupArn"]}])
    if https:
        elb.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTPS", Port=443, Certificates=[{"CertificateArn": cert}],
                            DefaultActions=[{"Type": "forward", "TargetGroupArn": tg["TargetGroupArn"]}])
    if targets:
        ec2 = client(s, "ec2", region)
        ami = ec2.describe_images()["Images"][0]["ImageId"]
        ids = [i["InstanceId"] for i in ec2.run_instances(ImageId=ami, MinCount=targets, MaxCount=targets, SubnetId=subnets[0])["Instances"]]
        elb.register_targets(TargetGroupArn=tg["TargetGroupArn"], Targets=[{"Id": i} for i in ids])
    return lb


def seed_edge(s, out):
    """Account B's edge and network estate, one planted problem per rule."""
    # VPC: the recovery twin spans one zone and has no NAT route (NON_COMPLIANT)
    vpc_p, pub_p, _ = network(s, primary, "shop-use1", [primary + "a", primary + "b"], [primary + "a", primary + "b"], ["sqs"])
    vpc_r, pub_r, _ = network(s, recovery, "shop-euw1", [recovery + "a"], [], ["sqs"])
    # ACM: both regions have a certificate for the shop's names
    cert_p = certificate(s, primary, "shop.example.com", ["www.shop.example.com"])
    cert_r = certificate(s, recovery, "*.shop.example.com", ["shop.example.com"])
    out["certificates"] = [cert_p, cert_r]
    # ELB: the primary listens on HTTPS with the certificate; the recovery twin only on HTTP, without targets
    lb_p = balancer(s, primary, "shop-use1", vpc_p, pub_p, cert_p, True, 2)
    lb_r = balancer(s, recovery, "shop-euw1", vpc_r, pub_r, cert_r, False, 0)
    out["loadBalancers"] = [lb_p["LoadBalancerArn"], lb_r["LoadBalancerArn"]]
    # API Gateway: an HTTP API with a custom domain in the primary only (NON_COMPLIANT)
    for region in (primary, recovery):
        api = client(s, "apigatewayv2", region).create_api(Name="shop-http", ProtocolType="HTTP", Tags={"app": "shop"})
        client(s, "apigatewayv2", region).create_stage(ApiId=api["ApiId"], StageName="$default")
        if region == primary:
            gw = client(s, "apigatewayv2", region)
            gw.create_domain_name(DomainName="api.shop.example.com",
                                  DomainNameConfigurations=[{"CertificateArn": cert_p, "EndpointType": "REGIONAL"}])
            gw.create_api_mapping(DomainName="api.shop.example.com", ApiId=api["ApiId"], Stage="$default", ApiMappingKey="orders")
    # CloudFront: a distribution straight to the primary load balancer, no origin group (NON_COMPLIANT)
    cf = client(s, "cloudfront", primary)
    dist = cf.create_distribution(DistributionConfig={
        "CallerReference": "shop-web", "Comment": "shop", "Enabled": True,
        "Origins": {"Quantity": 1, "Items": [{"Id": "shop-use1", "DomainName": lb_p["DNSName"],
                                              "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}}]},
        "DefaultCacheBehavior": {"TargetOriginId": "shop-use1", "ViewerProtocolPolicy": "redirect-to-https",
                                 "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}}, "MinTTL": 0}})["Distribution"]
    out["distribution"] = dist["ARN"]
    out["lbDns"] = lb_p["DNSName"]


out = {}
seed_account_a(session(account_a), account_a)
seed_account_b(session(account_b), out)
print(json.dumps(out))
