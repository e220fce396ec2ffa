package io.failready.tooling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local AWS endpoint for every protocol family the collectors use. The real SDK clients talk to it
 * through {@code endpointOverride} (JSON, REST-JSON, Query, REST-XML and Smithy RPC v2 CBOR), so signing, pagination tokens, error parsing, retries and
 * timeouts are the SDK's own. Tests serve recorded-shape replies from
 * {@code src/test/resources/aws-replies/<TestName>/} ({@link #start}); {@code failready bench collect}
 * uses it with no reply files, a fixed latency per call (what a real API round trip costs) and a few
 * synthetic secrets per account and region ({@link #AwsStub(long, int)}), and reads its call counts.
 *
 * <p>Routing: the service and region come from the SigV4 credential scope; the operation from
 * {@code X-Amz-Target} (JSON 1.0/1.1), the {@code Action} form field (Query), or the method and path
 * (REST-JSON, REST-XML).
 *
 * <p>Reply files: {@code <service>.<Operation>[.<token>]_<page>.json|xml}, looked up first in
 * {@code <account>/<region>/}, then {@code <account>/}, {@code <region>/}, then the test's folder.
 * {@code <token>} is any value found in the request (a bucket name, a table name, an ARN with
 * non-filename characters replaced by '_'), for per-resource replies. {@code <page>} is 1, or N when
 * the request carries a pagination token {@code page-N} (replies hand out such tokens). A JSON file
 * of the form {@code {"__error": {"status": 404, "code": "...", "message": "..."}}} is an error
 * reply in the service's protocol. No file: an empty success (for ListSecrets, the synthetic
 * secrets when there are any).
 *
 * <p>STS is built in: AssumeRole hands out access key {@code ASIA<account>} and GetCallerIdentity
 * tells the account of the calling key, so a test can check which account signed each call.
 */
public final class AwsStub implements AutoCloseable {
    public static final String BASE_ACCESS_KEY = "AKIATESTNOTREAL00000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Pattern PAGE = Pattern.compile("^page-(\\d+)$");

    enum Protocol { JSON, REST_JSON, QUERY, REST_XML, CBOR }

    /** One request as the stub understood it. {@code service} is the IAM prefix (cloudwatch, not monitoring). */
    public record Call(String service, String operation, String accessKeyId, String region, String method, String path,
                       String query, String body, Map<String, String> params) {
        public String action() { return service + ":" + operation; }
        public String account() { return accessKeyId.startsWith("ASIA") ? accessKeyId.substring(4) : "base"; }
    }

    /**
     * THROTTLE, ACCESS_DENIED, SERVER_ERROR, UNKNOWN_OPERATION and EXPIRED_TOKEN answer with the
     * service's own error in its protocol (EXPIRED_TOKEN, as AWS answers once a session token has
     * expired: {@code ExpiredToken} from Query and REST-XML services, {@code ExpiredTokenException}
     * from JSON ones; 400 from S3, 403 elsewhere); SLOW waits, then serves the normal reply;
     * CONNECTION_RESET promises a long body and closes the connection after one byte.
     */
    public enum FaultKind { THROTTLE, ACCESS_DENIED, SERVER_ERROR, SLOW, UNKNOWN_OPERATION, CONNECTION_RESET, EXPIRED_TOKEN,
        /** AccessDenied whose message echoes the credentials (as a careless proxy or emulator might). */
        ECHO_CREDENTIALS }

    /** A call the stub answered with an injected fault (SLOW included). */
    public record Faulted(Call call, FaultKind kind) {}

    private record Fault(Predicate<Call> when, FaultKind kind, long slowMillis, AtomicInteger remaining) {}

    private final HttpServer server;
    private final Path dir;
    private final java.util.Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final List<OnCall> hooks = new CopyOnWriteArrayList<>();
    private final ExecutorService pool;
    private final long latencyMs;
    private final int secretsPerRegion;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<String> missing = new CopyOnWriteArrayList<>();
    private final List<Faulted> faulted = new CopyOnWriteArrayList<>();
    private volatile String callerAccount = "111111111111";
    private volatile Throttling throttling;
    private final Map<String, LongAdder> throttledCounts = new ConcurrentHashMap<>();
    private final java.util.Queue<Call> throttledCalls = new ConcurrentLinkedQueue<>();

    private record OnCall(Predicate<Call> when, Consumer<Call> action) {}

    private AwsStub(Path dir, long latencyMs, int secretsPerRegion) throws IOException {
        // without it every reply waits for the delayed-ACK timer (~40 ms) on Linux
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.dir = dir;
        this.latencyMs = latencyMs;
        this.secretsPerRegion = secretsPerRegion;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        pool = Executors.newCachedThreadPool(r -> { Thread t = new Thread(r, "aws-stub"); t.setDaemon(true); return t; });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * A stub with no reply files: every call waits {@code latencyMs}, then gets an empty success,
     * ListSecrets {@code secretsPerRegion} synthetic secrets.
     */
    public AwsStub(long latencyMs, int secretsPerRegion) throws IOException {
        this(null, latencyMs, secretsPerRegion);
    }

    /**
     * A stub serving the reply files under {@code dir} (laid out as for {@link #start}) with
     * {@code latencyMs} per call and {@code secretsPerRegion} synthetic secrets where no file answers
     * ListSecrets: the collection benchmark's estate.
     */
    public static AwsStub serving(Path dir, long latencyMs, int secretsPerRegion) throws IOException {
        return new AwsStub(dir, latencyMs, secretsPerRegion);
    }

    /** A stub serving the reply files of {@code aws-replies/<testName>/} on the class path (none: empty successes). */
    public static AwsStub start(String testName) {
        var url = AwsStub.class.getResource("/aws-replies/" + testName);
        if (url != null && !"file".equals(url.getProtocol())) {
            throw new IllegalArgumentException("reply files must be a directory, not " + url);
        }
        try {
            return new AwsStub(url == null ? null : Paths.get(URI.create(url.toString())), 0, 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public URI endpoint() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }
    public List<Call> calls() { return List.copyOf(calls); }
    public long totalCalls() { return total.get(); }
    /** Calls per {@code service:Operation}, sorted. */
    public Map<String, Long> callsByOperation() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /**
     * Runs {@code action} on the stub's thread when a matching call arrives, before it is answered:
     * a test moves its clock forward at the moment a given call is in flight, instead of sleeping.
     */
    public AwsStub onCall(Predicate<Call> when, Consumer<Call> action) {
        hooks.add(new OnCall(when, action));
        return this;
    }
    /** Reply files looked up and not found (empty success served): handy when a test misbehaves. */
    public List<String> missing() { return List.copyOf(missing); }
    /** Every call answered with an injected fault, in arrival order. */
    public List<Faulted> faulted() { return List.copyOf(faulted); }
    /**
     * Throttles like AWS from now on: a token bucket per account, region and API ({@link Throttling}),
     * and on overflow the protocol's own throttling error, so the SDK classifies it as throttling.
     */
    public AwsStub throttle(Throttling t) { this.throttling = t; return this; }
    /** Calls answered with a throttling error by the token buckets, per {@code service:Operation}, sorted. */
    public Map<String, Long> throttledByOperation() {
        Map<String, Long> out = new TreeMap<>();
        throttledCounts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** The calls (the same objects as in {@link #calls()}) the token buckets answered with a throttling error. */
    public List<Call> throttledCalls() { return List.copyOf(throttledCalls); }

    /** The account GetCallerIdentity reports for the base (non-assumed) credentials. */
    public AwsStub callerAccount(String account) { this.callerAccount = account; return this; }

    /** Inject a fault on every matching call. */
    public AwsStub fault(Predicate<Call> when, FaultKind kind) { return fault(when, kind, Integer.MAX_VALUE, 0); }

    /** Inject a fault on the first {@code times} matching calls; SLOW waits {@code slowMillis} before replying. */
    public AwsStub fault(Predicate<Call> when, FaultKind kind, int times, long slowMillis) {
        faults.add(new Fault(when, kind, slowMillis, new AtomicInteger(times)));
        return this;
    }

    public static Predicate<Call> op(String action) { return c -> c.action().equals(action); }
    public static Predicate<Call> op(String action, String region) { return c -> c.action().equals(action) && c.region().equals(region); }

    @Override public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] bodyBytes = ex.getRequestBody().readAllBytes();
            boolean cbor = "rpc-v2-cbor".equals(ex.getRequestHeaders().getFirst("smithy-protocol"));
            // Smithy RPC v2 CBOR (ARC Region switch): the body is kept as JSON text, so replies and tokens work alike
            String body = cbor ? Cbor.toJson(bodyBytes) : new String(bodyBytes, StandardCharsets.UTF_8);
            String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
            Matcher m = SCOPE.matcher(auth);
            if (!m.find()) { send(ex, 400, "text/plain", "unsigned request", Map.of()); return; }
            String key = m.group(1), region = m.group(2), signingName = m.group(3);
            String service = "monitoring".equals(signingName) ? "cloudwatch" : signingName;
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            Map<String, String> params = new LinkedHashMap<>();
            parseForm(query, params);
            Protocol protocol;
            String operation;
            if (cbor) {
                protocol = Protocol.CBOR;
                operation = path.substring(path.lastIndexOf('/') + 1);
            } else if (target != null) {
                protocol = Protocol.JSON;
                operation = target.substring(target.lastIndexOf('.') + 1);
            } else if (Set.of("sts", "rds", "autoscaling", "cloudwatch", "iam", "sns", "elasticache", "elasticloadbalancing", "ec2").contains(service)) {
                protocol = Protocol.QUERY;
                parseForm(body, params);
                operation = params.getOrDefault("Action", "Unknown");
            } else if (Set.of("s3", "route53", "cloudfront").contains(service)) {
                protocol = Protocol.REST_XML;
                operation = restOperation(service, ex.getRequestMethod(), URLDecoder.decode(path, StandardCharsets.UTF_8), params);
            } else {
                protocol = Protocol.REST_JSON;
                operation = restOperation(service, ex.getRequestMethod(), URLDecoder.decode(path, StandardCharsets.UTF_8), params);
            }
            Call call = new Call(service, operation, key, region, ex.getRequestMethod(), path, query, body, params);
            calls.add(call);
            counts.computeIfAbsent(call.action(), k -> new LongAdder()).increment();
            total.incrementAndGet();
            for (OnCall h : hooks) if (h.when().test(call)) h.action().accept(call);
            if (latencyMs > 0) sleep(latencyMs);
            Throttling t = throttling;
            if (t != null && !t.tryAcquire(call.account(), region, service, operation)) {
                throttledCounts.computeIfAbsent(call.action(), k -> new LongAdder()).increment();
                throttledCalls.add(call);
                throttled(ex, protocol, service);
                return;
            }

            for (Fault f : faults) {
                if (!f.when().test(call) || f.remaining().getAndDecrement() <= 0) continue;
                faulted.add(new Faulted(call, f.kind()));
                switch (f.kind()) {
                    case SLOW -> sleep(f.slowMillis());
                    case THROTTLE -> { error(ex, protocol, service, service.equals("s3") ? 503 : 400,
                            service.equals("s3") ? "SlowDown" : protocol == Protocol.QUERY ? "Throttling" : "ThrottlingException", "Rate exceeded"); return; }
                    case ACCESS_DENIED -> { error(ex, protocol, service, 403,
                            protocol == Protocol.QUERY || protocol == Protocol.REST_XML ? "AccessDenied" : "AccessDeniedException",
                            "User: arn:aws:sts::" + call.account() + ":assumed-role/failready is not authorized to perform: " + call.action()); return; }
                    case SERVER_ERROR -> { error(ex, protocol, service, 500, protocol == Protocol.REST_XML ? "InternalError" : "InternalFailure",
                            "We encountered an internal error. Please try again."); return; }
                    case UNKNOWN_OPERATION -> { error(ex, protocol, service, 400,
                            protocol == Protocol.QUERY ? "InvalidAction" : "UnknownOperationException", "Unknown operation " + operation); return; }
                    case CONNECTION_RESET -> { ex.sendResponseHeaders(200, 1 << 20); ex.getResponseBody().write('{'); return; }
                    case EXPIRED_TOKEN -> { error(ex, protocol, service, service.equals("s3") ? 400 : 403,
                            protocol == Protocol.QUERY || protocol == Protocol.REST_XML ? "ExpiredToken" : "ExpiredTokenException",
                            "The security token included in the request is expired"); return; }
                    case ECHO_CREDENTIALS -> { error(ex, protocol, service, 403,
                            protocol == Protocol.QUERY || protocol == Protocol.REST_XML ? "AccessDenied" : "AccessDeniedException",
                            "Denied. Authorization: " + ex.getRequestHeaders().getFirst("Authorization") + " token="
                                    + ex.getRequestHeaders().getFirst("X-Amz-Security-Token") + " secret=test-secret-not-real"); return; }
                }
            }
            if (service.equals("sts")) { sts(ex, call); return; }
            reply(ex, protocol, call);
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private void sts(HttpExchange ex, Call call) throws IOException {
        String ns = "https://sts.amazonaws.com/doc/2011-06-15/";
        if (call.operation().equals("AssumeRole")) {
            String account = call.params().get("RoleArn").split(":")[4];
            String xml = "<AssumeRoleResponse xmlns=\"" + ns + "\"><AssumeRoleResult><Credentials>"
                    + "<AccessKeyId>ASIA" + account + "</AccessKeyId><SecretAccessKey>secret-" + account + "</SecretAccessKey>"
                    + "<SessionToken>token-" + account + "</SessionToken><Expiration>" + Instant.now().plusSeconds(3600) + "</Expiration>"
                    + "</Credentials><AssumedRoleUser><AssumedRoleId>AROA:failready</AssumedRoleId><Arn>arn:aws:sts::" + account
                    + ":assumed-role/x/failready</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>";
            send(ex, 200, "text/xml", xml, Map.of());
        } else if (call.operation().equals("GetCallerIdentity")) {
            String account = call.accessKeyId().startsWith("ASIA") ? call.accessKeyId().substring(4) : callerAccount;
            String xml = "<GetCallerIdentityResponse xmlns=\"" + ns + "\"><GetCallerIdentityResult><Arn>arn:aws:iam::" + account
                    + ":user/test</Arn><UserId>AIDA</UserId><Account>" + account + "</Account></GetCallerIdentityResult>"
                    + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
            send(ex, 200, "text/xml", xml, Map.of());
        } else {
            error(ex, Protocol.QUERY, "sts", 400, "InvalidAction", "not stubbed");
        }
    }

    private void reply(HttpExchange ex, Protocol protocol, Call call) throws IOException {
        String fileService = call.service().equals("application-autoscaling") ? "applicationautoscaling" : call.service();
        Set<String> tokens = tokens(call);
        int page = 1;
        for (String t : tokens) { Matcher pm = PAGE.matcher(t); if (pm.matches()) page = Integer.parseInt(pm.group(1)); }
        Path file = find(fileService + "." + call.operation(), tokens, page, call);
        if (file == null && secretsPerRegion > 0 && call.action().equals("secretsmanager:ListSecrets")) {
            send(ex, 200, "application/x-amz-json-1.1", syntheticSecrets(call), Map.of());
            return;
        }
        if (file == null) {
            missing.add(call.accessKeyId() + "/" + call.region() + "/" + fileService + "." + call.operation() + " " + tokens + " page " + page);
            empty(ex, protocol, call);
            return;
        }
        String content = Files.readString(file);
        if (file.toString().endsWith(".json") && content.contains("\"__error\"")) {
            JsonNode e = JSON.readTree(content).get("__error");
            error(ex, protocol, call.service(), e.path("status").asInt(400), e.path("code").asText(), e.path("message").asText(""));
            return;
        }
        if (protocol == Protocol.CBOR) { Cbor.send(ex, 200, content); return; }
        String type = switch (protocol) {
            case JSON -> "application/x-amz-json-1.1";
            case REST_JSON -> "application/json";
            default -> "text/xml";
        };
        send(ex, 200, type, content, Map.of());
    }

    private String syntheticSecrets(Call call) {
        String account = call.account().matches("\\d{12}") ? call.account() : "000000000000";
        StringBuilder sb = new StringBuilder("{\"SecretList\":[");
        for (int i = 0; i < secretsPerRegion; i++) {
            if (i > 0) sb.append(',');
            String name = "bench/secret-" + i;
            sb.append("{\"ARN\":\"arn:aws:secretsmanager:").append(call.region()).append(':').append(account).append(":secret:")
                    .append(name).append("-AbCdEf\",\"Name\":\"").append(name).append("\",\"Tags\":[{\"Key\":\"app\",\"Value\":\"bench\"}]}");
        }
        return sb.append("]}").toString();
    }

    private Path find(String base, Set<String> tokens, int page, Call call) {
        if (dir == null) return null;
        List<Path> dirs = new ArrayList<>();
        String acct = call.accessKeyId().startsWith("ASIA") ? call.accessKeyId().substring(4) : callerAccount;
        dirs.add(dir.resolve(acct).resolve(call.region()));
        dirs.add(dir.resolve(acct));
        dirs.add(dir.resolve(call.region()));
        dirs.add(dir);
        for (Path d : dirs) {
            for (String t : tokens) {
                for (String ext : List.of(".json", ".xml")) {
                    Path p = d.resolve(base + "." + sanitize(t) + "_" + page + ext);
                    if (Files.isRegularFile(p)) return p;
                }
            }
            for (String ext : List.of(".json", ".xml")) {
                Path p = d.resolve(base + "_" + page + ext);
                if (Files.isRegularFile(p)) return p;
            }
        }
        return null;
    }

    static String sanitize(String t) { return t.replaceAll("[^A-Za-z0-9._-]", "_"); }

    /** Every value in the request: path segments, query and form values, JSON string values (one level down too). */
    private static Set<String> tokens(Call call) {
        Set<String> out = new LinkedHashSet<>();
        for (String seg : URLDecoder.decode(call.path(), StandardCharsets.UTF_8).split("/")) if (!seg.isEmpty()) out.add(seg);
        for (var e : call.params().entrySet()) if (!e.getKey().equals("Action") && !e.getKey().equals("Version")) out.add(e.getValue());
        if (call.body().startsWith("{")) {
            try {
                collect(JSON.readTree(call.body()), out, 0);
            } catch (IOException ignored) {
                // not JSON after all
            }
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    private static void collect(JsonNode n, Set<String> out, int depth) {
        if (n.isTextual()) out.add(n.asText());
        else if (depth < 3 && (n.isObject() || n.isArray())) for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) collect(it.next(), out, depth + 1);
    }

    private static String restOperation(String service, String method, String path, Map<String, String> q) {
        String p = path.replaceAll("/+$", "");
        return switch (service) {
            case "s3" -> {
                if (p.isEmpty()) yield "ListBuckets";
                if (p.matches("/[^/]+")) {
                    for (String k : List.of("location", "versioning", "encryption", "replication", "tagging")) {
                        if (q.containsKey(k)) yield "GetBucket" + Character.toUpperCase(k.charAt(0)) + k.substring(1);
                    }
                    yield "ListObjects";
                }
                yield method.equals("GET") ? "GetObject" : "PutObject";
            }
            case "route53" -> {
                if (p.matches("/2013-04-01/hostedzone")) yield "ListHostedZones";
                if (p.matches("/2013-04-01/hostedzone/[^/]+/rrset")) yield "ListResourceRecordSets";
                if (p.matches("/2013-04-01/healthcheck")) yield "ListHealthChecks";
                yield "Unknown";
            }
            case "account" -> p.equals("/listRegions") ? "ListRegions" : "Unknown";
            case "cloudfront" -> p.matches("/\\d{4}-\\d{2}-\\d{2}/distribution") ? "ListDistributions"
                    : p.matches("/\\d{4}-\\d{2}-\\d{2}/tagging") ? "ListTagsForResource" : "Unknown";
            case "apigateway" -> {
                if (p.equals("/restapis")) yield "GetRestApis";
                if (p.equals("/v2/apis")) yield "GetApis";
                if (p.equals("/v2/domainnames")) yield "GetDomainNames";
                if (p.matches("/v2/domainnames/[^/]+/apimappings")) yield "GetApiMappings";
                yield "Unknown";
            }
            case "eks" -> {
                if (p.equals("/clusters")) yield "ListClusters";
                if (p.matches("/clusters/[^/]+")) yield "DescribeCluster";
                if (p.matches("/clusters/[^/]+/node-groups")) yield "ListNodegroups";
                if (p.matches("/clusters/[^/]+/node-groups/[^/]+")) yield "DescribeNodegroup";
                if (p.matches("/clusters/[^/]+/fargate-profiles")) yield "ListFargateProfiles";
                yield "Unknown";
            }
            case "elasticfilesystem" -> p.equals("/2015-02-01/file-systems") ? "DescribeFileSystems"
                    : p.equals("/2015-02-01/file-systems/replication-configurations") ? "DescribeReplicationConfigurations" : "Unknown";
            case "backup" -> {
                if (p.equals("/backup/plans")) yield "ListBackupPlans";
                if (p.matches("/backup/plans/[^/]+")) yield "GetBackupPlan";
                if (p.matches("/backup/plans/[^/]+/selections")) yield "ListBackupSelections";
                if (p.matches("/backup/plans/[^/]+/selections/[^/]+")) yield "GetBackupSelection";
                if (p.equals("/backup-vaults")) yield "ListBackupVaults";
                if (p.matches("/backup-vaults/[^/]+")) yield "DescribeBackupVault";
                if (p.equals("/restore-testing/plans")) yield "ListRestoreTestingPlans";
                if (p.matches("/restore-testing/plans/[^/]+")) yield "GetRestoreTestingPlan";
                if (p.matches("/restore-testing/plans/[^/]+/selections")) yield "ListRestoreTestingSelections";
                if (p.matches("/restore-testing/plans/[^/]+/selections/[^/]+")) yield "GetRestoreTestingSelection";
                if (p.equals("/restore-jobs")) yield "ListRestoreJobs";
                yield "Unknown";
            }
            case "fis" -> p.equals("/experiments") ? "ListExperiments" : p.matches("/experiments/[^/]+") ? "GetExperiment"
                    : p.equals("/experimentTemplates") ? "ListExperimentTemplates" : "Unknown";
            case "guardduty" -> p.equals("/detector") ? "ListDetectors" : p.matches("/detector/[^/]+") ? "GetDetector" : "Unknown";
            case "securityhub" -> p.equals("/accounts") ? "DescribeHub" : p.equals("/hubv2") ? "DescribeSecurityHubV2" : "Unknown";
            case "lambda" -> {
                if (p.matches("/2015-03-31/functions")) yield "ListFunctions";
                if (p.equals("/2016-08-19/account-settings")) yield "GetAccountSettings";
                if (p.matches("/2019-09-30/functions/[^/]+/concurrency")) yield "GetFunctionConcurrency";
                if (p.matches("/2017-03-31/tags/.+")) yield "ListTags";
                if (p.matches("/2015-03-31/functions/[^/]+")) yield "GetFunction";
                yield "Unknown";
            }
            default -> "Unknown";
        };
    }

    private static void empty(HttpExchange ex, Protocol protocol, Call call) throws IOException {
        switch (protocol) {
            case CBOR -> Cbor.send(ex, 200, "{}");
            case JSON -> send(ex, 200, "application/x-amz-json-1.1", "{}", Map.of());
            case REST_JSON -> send(ex, 200, "application/json", "{}", Map.of());
            case QUERY -> send(ex, 200, "text/xml", "<" + call.operation() + "Response><" + call.operation() + "Result/>"
                    + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></" + call.operation() + "Response>", Map.of());
            // CloudFront pages by marker and reads its list's own root element and counts
            case REST_XML -> send(ex, 200, "application/xml", call.service().equals("cloudfront") && call.operation().equals("ListDistributions")
                    ? "<DistributionList xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Marker></Marker><MaxItems>100</MaxItems>"
                    + "<IsTruncated>false</IsTruncated><Quantity>0</Quantity></DistributionList>"
                    : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + call.operation() + "Result/>", Map.of());
        }
    }

    /** Each protocol's and service's own answer to a request over its rate. */
    private static void throttled(HttpExchange ex, Protocol protocol, String service) throws IOException {
        String msg = "Rate exceeded";
        switch (service) {
            case "s3" -> error(ex, protocol, service, 503, "SlowDown", "Please reduce your request rate.");
            case "ec2" -> error(ex, protocol, service, 503, "RequestLimitExceeded", "Request limit exceeded.");
            case "organizations", "lambda" -> error(ex, protocol, service, 429, "TooManyRequestsException", msg);
            default -> error(ex, protocol, service, 400,
                    protocol == Protocol.QUERY || protocol == Protocol.REST_XML ? "Throttling" : "ThrottlingException", msg);
        }
    }

    private static void error(HttpExchange ex, Protocol protocol, String service, int status, String code, String message) throws IOException {
        switch (protocol) {
            case CBOR -> Cbor.send(ex, status, JSON.writeValueAsString(Map.of("__type", code, "message", message)));
            case JSON, REST_JSON -> send(ex, status, protocol == Protocol.JSON ? "application/x-amz-json-1.1" : "application/json",
                    "{\"__type\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}", Map.of("x-amzn-ErrorType", code));
            // EC2's query protocol has an error document of its own
            case QUERY -> send(ex, status, "text/xml", service.equals("ec2")
                    ? "<Response><Errors><Error><Code>" + code + "</Code><Message>" + xml(message) + "</Message></Error></Errors><RequestID>r</RequestID></Response>"
                    : "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                    + xml(message) + "</Message></Error><RequestId>r</RequestId></ErrorResponse>", Map.of());
            case REST_XML -> send(ex, status, "application/xml", service.equals("s3")
                    ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + xml(message) + "</Message><RequestId>r</RequestId></Error>"
                    : "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><Error><Type>Sender</Type><Code>" + code
                    + "</Code><Message>" + xml(message) + "</Message></Error><RequestId>r</RequestId></ErrorResponse>", Map.of());
        }
    }

    private static String xml(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }

    /** Smithy RPC v2 CBOR through the SDK's own shaded Jackson CBOR codec; reply files stay JSON. */
    static final class Cbor {
        private static final software.amazon.awssdk.thirdparty.jackson.core.JsonFactory TEXT = new software.amazon.awssdk.thirdparty.jackson.core.JsonFactory();
        private static final software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory BINARY =
                new software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory();

        static String toJson(byte[] cbor) throws IOException {
            if (cbor.length == 0) return "{}";
            java.io.StringWriter out = new java.io.StringWriter();
            try (var p = BINARY.createParser(cbor); var g = TEXT.createGenerator(out)) {
                p.nextToken();
                g.copyCurrentStructure(p);
            }
            return out.toString();
        }

        /** Numbers under a name ending in Time or At are timestamps: CBOR tag 1 (epoch seconds), as RPC v2 CBOR sends them. */
        static byte[] fromJson(String json) throws IOException {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (var p = TEXT.createParser(json);
                 var g = (software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator) BINARY.createGenerator(out)) {
                String field = null;
                for (var t = p.nextToken(); t != null; t = p.nextToken()) {
                    switch (t) {
                        case START_OBJECT -> g.writeStartObject();
                        case END_OBJECT -> g.writeEndObject();
                        case START_ARRAY -> g.writeStartArray();
                        case END_ARRAY -> g.writeEndArray();
                        case FIELD_NAME -> { field = p.currentName(); g.writeFieldName(field); }
                        case VALUE_STRING -> g.writeString(p.getText());
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                            boolean time = field != null && (field.endsWith("Time") || field.endsWith("At"));
                            if (time) { g.writeTag(1); g.writeNumber(p.getDoubleValue()); }
                            else if (t == software.amazon.awssdk.thirdparty.jackson.core.JsonToken.VALUE_NUMBER_INT) g.writeNumber(p.getLongValue());
                            else g.writeNumber(p.getDoubleValue());
                        }
                        case VALUE_TRUE -> g.writeBoolean(true);
                        case VALUE_FALSE -> g.writeBoolean(false);
                        case VALUE_NULL -> g.writeNull();
                        default -> { }
                    }
                }
            }
            return out.toByteArray();
        }

        static void send(HttpExchange ex, int status, String json) throws IOException {
            byte[] b = fromJson(json);
            ex.getResponseHeaders().set("Content-Type", "application/cbor");
            ex.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
            ex.getResponseHeaders().set("x-amzn-RequestId", "stub");
            ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            try (OutputStream o = ex.getResponseBody()) { o.write(b); }
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body, Map<String, String> headers) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("x-amzn-RequestId", "stub");
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream o = ex.getResponseBody()) { o.write(b); }
    }

    private static void parseForm(String s, Map<String, String> into) {
        if (s == null || s.isEmpty()) return;
        for (String kv : s.split("&")) {
            int i = kv.indexOf('=');
            String k = URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8);
            String v = i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
            into.put(k, v);
        }
    }

    private static void sleep(long ms) {
        try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }
}
