package io.failready.tooling.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local AWS-protocol stub for the collection benchmark: every call waits a fixed latency (what
 * a real API round trip costs), then answers by protocol with a valid reply — STS AssumeRole
 * with credentials that carry the account id, {@code secretsmanager:ListSecrets} with a few
 * secrets per account and region (so there is something to normalise), and an empty success for
 * everything else (JSON {@code {}}, Query/EC2 empty results, S3 and Route 53 empty lists). It
 * counts calls per {@code service:Operation}, which with the latency and the concurrency gives
 * the lower bound a collection can reach: calls x latency / concurrency.
 *
 * <p>The service and region come from the SigV4 credential scope of each request, so one
 * endpoint ({@code --endpoint-url}) serves every service.
 */
public final class AwsStub implements AutoCloseable {
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "aws-stub");
        t.setDaemon(true);
        return t;
    });
    private final long latencyMs;
    private final int secretsPerRegion;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    public AwsStub(long latencyMs, int secretsPerRegion) throws IOException {
        // without it every reply waits for the delayed-ACK timer (~40 ms) on Linux
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.latencyMs = latencyMs;
        this.secretsPerRegion = secretsPerRegion;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }
    public long totalCalls() { return total.get(); }

    public Map<String, Long> callsByOperation() {
        Map<String, Long> out = new TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            Matcher m = SCOPE.matcher(auth == null ? "" : auth);
            String key = "AKIAUNKNOWN", region = "us-east-1", service = "unknown";
            if (m.find()) {
                key = m.group(1);
                region = m.group(2);
                service = m.group(3);
            }
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            String form = new String(body, StandardCharsets.UTF_8);
            String op = target != null ? target.substring(target.indexOf('.') + 1) : formValue(form, "Action");
            if (op == null) op = ex.getRequestMethod() + " " + ex.getRequestURI().getPath().replaceAll("/[^/]{20,}", "/{id}");
            calls.computeIfAbsent(service + ":" + op, k -> new LongAdder()).increment();
            total.incrementAndGet();
            sleep();
            String account = key.startsWith("ASIA") && key.length() >= 16 ? key.substring(4, 16) : "000000000000";
            if (target != null) {
                reply(ex, "application/x-amz-json-1.1", json(service, op, account, region));
            } else if (formValue(form, "Action") != null) {
                reply(ex, "text/xml", query(service, op, form));
            } else if (service.equals("s3") || service.equals("route53") || service.equals("cloudfront")) {
                reply(ex, "application/xml", restXml(service, ex.getRequestURI().getPath()));
            } else {
                reply(ex, "application/json", "{}");
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(latencyMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String json(String service, String op, String account, String region) {
        if (service.equals("secretsmanager") && op.equals("ListSecrets")) {
            StringBuilder sb = new StringBuilder("{\"SecretList\":[");
            for (int i = 0; i < secretsPerRegion; i++) {
                if (i > 0) sb.append(',');
                String name = "bench/secret-" + i;
                sb.append("{\"ARN\":\"arn:aws:secretsmanager:").append(region).append(':').append(account).append(":secret:")
                        .append(name).append("-AbCdEf\",\"Name\":\"").append(name).append("\",\"Tags\":[{\"Key\":\"app\",\"Value\":\"bench\"}]}");
            }
            return sb.append("]}").toString();
        }
        return "{}";
    }

    private static String query(String service, String op, String form) {
        if (service.equals("sts") && op.equals("AssumeRole")) {
            String role = formValue(form, "RoleArn");
            Matcher a = Pattern.compile("arn:aws:iam::(\\d{12}):").matcher(role == null ? "" : role);
            String account = a.find() ? a.group(1) : "000000000000";
            return "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>"
                    + "<AccessKeyId>ASIA" + account + "STUB</AccessKeyId><SecretAccessKey>stub-secret</SecretAccessKey>"
                    + "<SessionToken>stub-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                    + "<AssumedRoleUser><AssumedRoleId>AROASTUB:failready</AssumedRoleId><Arn>arn:aws:sts::" + account
                    + ":assumed-role/failready-audit/failready</Arn></AssumedRoleUser></AssumeRoleResult>"
                    + "<ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></AssumeRoleResponse>";
        }
        if (service.equals("sts") && op.equals("GetCallerIdentity")) {
            return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                    + "<Arn>arn:aws:iam::000000000000:user/bench</Arn><UserId>AIDASTUB</UserId><Account>000000000000</Account>"
                    + "</GetCallerIdentityResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
        }
        if (service.equals("ec2")) return "<" + op + "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>stub</requestId></" + op + "Response>";
        return "<" + op + "Response><" + op + "Result/><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></" + op + "Response>";
    }

    private static String restXml(String service, String path) {
        if (service.equals("s3")) {
            return path.equals("/") ? "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>stub</ID></Owner><Buckets/></ListAllMyBucketsResult>"
                    : "<Result/>";
        }
        if (service.equals("cloudfront")) {
            return "<DistributionList xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Marker></Marker><MaxItems>100</MaxItems>"
                    + "<IsTruncated>false</IsTruncated><Quantity>0</Quantity></DistributionList>";
        }
        if (path.endsWith("/hostedzone")) return "<ListHostedZonesResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><HostedZones/><IsTruncated>false</IsTruncated><MaxItems>100</MaxItems></ListHostedZonesResponse>";
        if (path.endsWith("/healthcheck")) return "<ListHealthChecksResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><HealthChecks/><IsTruncated>false</IsTruncated><MaxItems>100</MaxItems><Marker></Marker></ListHealthChecksResponse>";
        return "<Result/>";
    }

    private static String formValue(String form, String name) {
        for (String kv : form.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) return URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    private static void reply(HttpExchange ex, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("x-amzn-RequestId", "stub");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    @Override public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
