"""Seeds the edge and network services of EdgeMotoScanTest into a moto server.

Usage: python3 seed_edge.py ENDPOINT PRIMARY RECOVERY ACCOUNT ROLE_NAME

One account, reached by sts:AssumeRole as the scanner reaches it, with a good and a bad case per
rule where moto implements the API: ACM certificates, ALBs with listeners and target groups,
VPCs with subnets, routes and endpoints, an HTTP API custom domain with its mapping, and a
CloudFront distribution. Prints a JSON line of what it created.
"""
import json
import sys
import urllib.parse

import boto3

endpoint, primary, recovery, account, role_name = sys.argv[1:6]
# it creates resources: never against anything but an emulator on this machine
if urllib.parse.urlparse(endpoint).hostname not in ("127.0.0.1", "localhost", "::1"):
    sys.exit(f"seed_edge.py: refusing to seed {endpoint}: only a loopback emulator endpoint is allowed")
BASE = dict(endpoint_url=endpoint, aws_access_key_id="AKIATESTNOTREAL00000",
            aws_secret_access_key="test-secret-not-real")

sts = boto3.client("sts", region_name=primary, **BASE)
c = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{role_name}", RoleSessionName="seed")["Credentials"]
s = boto3.Session(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
                  aws_session_token=c["SessionToken"])


def client(service, region):
    return s.client(service, region_name=region, endpoint_url=endpoint)


def network(region, name, zones, nat_zones, endpoints):
    ec2 = client("ec2", region)
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


def certificate(region, domain, sans):
    return client("acm", region).request_certificate(DomainName=domain, SubjectAlternativeNames=sans,
                                                      ValidationMethod="DNS")["CertificateArn"]


def balancer(region, name, vpc, subnets, cert, https, targets):
    elb = client("elbv2", region)
    lb = elb.create_load_balancer(Name=name, Subnets=subnets, Type="application", Scheme="internet-facing",
                                  Tags=[{"Key": "app", "Value": "shop"}])["LoadBalancers"][0]
    tg = elb.create_target_group(Name=name + "-web", Protocol="HTTP", Port=8080, VpcId=vpc, TargetType="instance")["TargetGroups"][0]
    elb.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80,
                        DefaultActions=[{"Type": "forward", "TargetGroupArn": tg["TargetGroupArn"]}])
    if https:
        elb.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTPS", Port=443, Certificates=[{"CertificateArn": cert}],
                            DefaultActions=[{"Type": "forward", "TargetGroupArn": tg["TargetGroupArn"]}])
    if targets:
        ec2 = client("ec2", region)
        ami = ec2.describe_images()["Images"][0]["ImageId"]
        ids = [i["InstanceId"] for i in ec2.run_instances(ImageId=ami, MinCount=targets, MaxCount=targets, SubnetId=subnets[0])["Instances"]]
        elb.register_targets(TargetGroupArn=tg["TargetGroupArn"], Targets=[{"Id": i} for i in ids])
    return lb


out = {}
# VPC: the recovery twin spans one zone and has no NAT route (NON_COMPLIANT)
vpc_p, pub_p, _ = network(primary, "shop-use1", [primary + "a", primary + "b"], [primary + "a", primary + "b"], ["sqs"])
vpc_r, pub_r, _ = network(recovery, "shop-euw1", [recovery + "a"], [], ["sqs"])
# ACM: both regions have a certificate for the shop's names
cert_p = certificate(primary, "shop.example.com", ["www.shop.example.com"])
cert_r = certificate(recovery, "*.shop.example.com", ["shop.example.com"])
out["certificates"] = [cert_p, cert_r]
# ELB: the primary listens on HTTPS with the certificate; the recovery twin only on HTTP, without targets
lb_p = balancer(primary, "shop-use1", vpc_p, pub_p, cert_p, True, 2)
lb_r = balancer(recovery, "shop-euw1", vpc_r, pub_r, cert_r, False, 0)
out["loadBalancers"] = [lb_p["LoadBalancerArn"], lb_r["LoadBalancerArn"]]
# API Gateway: an HTTP API with a custom domain in the primary only (NON_COMPLIANT)
for region in (primary, recovery):
    api = client("apigatewayv2", region).create_api(Name="shop-http", ProtocolType="HTTP", Tags={"app": "shop"})
    client("apigatewayv2", region).create_stage(ApiId=api["ApiId"], StageName="$default")
    if region == primary:
        gw = client("apigatewayv2", region)
        gw.create_domain_name(DomainName="api.shop.example.com",
                              DomainNameConfigurations=[{"CertificateArn": cert_p, "EndpointType": "REGIONAL"}])
        gw.create_api_mapping(DomainName="api.shop.example.com", ApiId=api["ApiId"], Stage="$default", ApiMappingKey="orders")
# CloudFront: a distribution straight to the primary load balancer, no origin group (NON_COMPLIANT)
cf = client("cloudfront", primary)
dist = cf.create_distribution(DistributionConfig={
    "CallerReference": "shop-web", "Comment": "shop", "Enabled": True,
    "Origins": {"Quantity": 1, "Items": [{"Id": "shop-use1", "DomainName": lb_p["DNSName"],
                                          "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}}]},
    "DefaultCacheBehavior": {"TargetOriginId": "shop-use1", "ViewerProtocolPolicy": "redirect-to-https",
                             "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}}, "MinTTL": 0}})["Distribution"]
out["distribution"] = dist["ARN"]
out["lbDns"] = lb_p["DNSName"]
print(json.dumps(out))
