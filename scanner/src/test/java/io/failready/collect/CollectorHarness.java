package io.failready.collect;

import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/**
 * Runs one collector for one account and region against clients a test hands it (Mockito mocks of
 * the SDK client interfaces), with the runner's own context, gap recording and deadline: for unit
 * tests of paging and mapping, where an HTTP stub would only restate the SDK's marshalling.
 */
public final class CollectorHarness {
    public static final String ACCOUNT = "111122223333";

    private final ClientFactory clients = new ClientFactory(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1));
    private final String region;
    private final List<String> scanRegions;

    public CollectorHarness(String region, List<String> scanRegions) {
        this.region = region;
        this.scanRegions = scanRegions;
    }

    /** A mock of an SDK client interface whose default methods (paginators, consumer overloads) are the SDK's own. */
    public static <T extends SdkClient> T mockClient(Class<T> type) {
        return mock(type, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    }

    /** {@code client} answers the collector's calls to {@code type} in {@code inRegion}. */
    public <T extends SdkClient> CollectorHarness client(Class<T> type, String inRegion, T client) {
        clients.use(type, inRegion, client);
        return this;
    }

    public <T extends SdkClient> CollectorHarness client(Class<T> type, T client) { return client(type, region, client); }

    public record Result(List<Resource> resources, List<CollectionGap> gaps) {
        /** Each gap as "region service operation resourceId errorCode: message" (resourceId "-" for service-wide ones). */
        public List<String> gapLines() {
            return gaps.stream().map(g -> g.getRegion() + " " + g.getService() + " " + g.getOperation() + " "
                    + (g.getResourceId() == null ? "-" : g.getResourceId()) + " " + g.getErrorCode() + ": " + g.getMessage()).toList();
        }

        public Resource resource(String id) {
            return resources.stream().filter(r -> r.getResourceId().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + id + " in " + resources.stream().map(Resource::getResourceId).toList()));
        }
    }

    public Result run(Collector collector) {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTNOTREAL00000", "not-a-secret"));
        TaskBuffer buffer = new TaskBuffer();
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        CollectionContext ctx = new CollectionContext(new AccountTarget(ACCOUNT, null, creds), region, collector.descriptor(), clients,
                clock.instant().plus(Duration.ofHours(1)), clock, buffer, new ScanState(scanRegions));
        ClientFactory.asAccount(creds, () -> collector.collect(ctx));
        return new Result(buffer.resources(), buffer.gaps());
    }
}
