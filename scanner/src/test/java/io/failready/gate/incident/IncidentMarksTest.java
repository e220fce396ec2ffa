package io.failready.gate.incident;

import io.failready.config.FailreadyConfig;
import io.failready.config.Workload;
import io.failready.evaluate.WorkloadResult;
import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.model.Direction;
import io.failready.model.Evaluation;
import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleSources;
import io.failready.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How evaluations are marked when a baseline stood in for a source region: the side each rule judges
 * (its {@code @incident} annotation, from the catalog) decides, for the accounts whose source region was
 * replaced. The source region follows the direction: the primary in a failover, the recovery region in a failback.
 */
class IncidentMarksTest {
    static final RuleCatalog CATALOG = RuleCatalog.read(RuleSources.bundledPlus(List.of()));
    static final String A = "111111111111", B = "222222222222", E = "us-east-1", W = "eu-west-1";

    static Workload workload() {
        Workload w = new Workload();
        w.name = "orders";
        w.primaryRegion = E;
        w.recoveryRegions = new ArrayList<>(List.of(W));
        for (String id : List.of(A, B)) {
            Workload.AccountRef a = new Workload.AccountRef();
            a.id = id;
            w.accounts.add(a);
        }
        return w;
    }

    static Evaluation eval(String rule, ComplianceType t, String account, String region) {
        return new Evaluation(rule, "data", null, t, "AWS::X::Y", "arn:" + rule + ":" + account + ":" + region, null, account, region, W,
                null, "said " + t, null);
    }

    static Snapshot snapshot(List<Resource> resources, List<CollectionGap> gaps) {
        return new Snapshot(Snapshot.SCHEMA_VERSION, new Snapshot.Tool("failready", "t"), Instant.now().toString(), null,
                List.of(A, B), List.of(E, W), resources, gaps);
    }

    @Test
    void theStoodInRegionIsReplacedAndTheRecoveryRegionIsNot() {
        FailreadyConfig cfg = new FailreadyConfig();
        cfg.workloads.add(workload());
        Resource liveRecovery = new Resource("AWS::KMS::Key", "live-w", "k", A, W, Map.of(), Map.of());
        Resource livePrimaryOfB = new Resource("AWS::KMS::Key", "live-e-b", "k", B, E, Map.of(), Map.of());
        Snapshot live = snapshot(List.of(liveRecovery, livePrimaryOfB), List.of(
                new CollectionGap(A, E, "*", "*", null, null, CollectionGap.REGION_UNREACHABLE, "down"),
                new CollectionGap(A, E, "kms", "ListKeys", null, null, "InternalFailure", "500")));
        Snapshot base = snapshot(List.of(new Resource("AWS::KMS::Key", "base-e", "k", A, E, Map.of(), Map.of()),
                new Resource("AWS::KMS::Key", "base-w", "k", A, W, Map.of(), Map.of()),
                new Resource("AWS::KMS::Key", "base-e-b", "k", B, E, Map.of(), Map.of())), List.of());
        Baseline b = new Baseline("b.json", "0".repeat(64), base, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(3), "7d");
        Incident in = Incident.substitute(live, b, cfg);
        Set<String> ids = new TreeSet<>();
        for (Resource r : in.snapshot().getResources()) ids.add(r.getResourceId());
        // A's primary from the baseline; A's recovery and B's (answering) primary stay live
        assertEquals(Set.of("base-e", "live-w", "live-e-b"), ids);
        assertEquals(List.of(), in.snapshot().getCollectionGaps(), "the dead region's live gaps are replaced with the baseline's (none)");
        assertEquals(1, in.stoodInFor().size());
        assertEquals(A + "/" + E, in.stoodInFor().get(0).accountId() + "/" + in.stoodInFor().get(0).region());
    }

    @Test
    void configurationIsMarkedStateBecomesInsufficientDataLiveIsUntouched() {
        Workload w = workload();
        Baseline b = new Baseline("b.json", "0".repeat(64), snapshot(List.of(), List.of()), Instant.parse("2026-12-01T00:00:00Z"),
                Duration.ofHours(26), "7d");
        Incident in = new Incident(b, snapshot(List.of(), List.of()),
                List.of(new io.failready.model.Report.StoodIn(A, E, "RegionUnreachable: down")), Direction.PRIMARY_TO_RECOVERY, null);
        List<Evaluation> evals = List.of(
                eval("KMS_KEY_AVAILABLE_IN_RECOVERY_REGION", ComplianceType.COMPLIANT, A, E),
                eval("REPLICATION_LAG_WITHIN_RPO", ComplianceType.COMPLIANT, A, E),
                eval("REPLICATION_LAG_WITHIN_RPO", ComplianceType.NON_COMPLIANT, A, E),
                eval("MY_OWN_RULE", ComplianceType.COMPLIANT, A, E),
                eval("CLOUDTRAIL_LOGGING_IN_RECOVERY_REGION", ComplianceType.COMPLIANT, A, W),
                eval("KMS_KEY_AVAILABLE_IN_RECOVERY_REGION", ComplianceType.COMPLIANT, B, E));
        List<Evaluation> out = in.mark(List.of(new WorkloadResult(w, List.of(), evals, List.of())), CATALOG).get(0).evaluations();

        Evaluation config = out.get(0);
        assertEquals(ComplianceType.COMPLIANT, config.getComplianceType());
        assertEquals(new Evaluation.BaselineRef("2026-12-01T00:00:00Z", 26 * 3600), config.getBaseline());
        assertEquals("[from baseline, 26 h old] said COMPLIANT", config.getAnnotation());
        // a lag measured in the dead region before the outage is no evidence now, either way
        for (Evaluation lag : List.of(out.get(1), out.get(2), out.get(3))) {
            assertEquals(ComplianceType.INSUFFICIENT_DATA, lag.getComplianceType(), lag.getRuleId());
            assertTrue(lag.getAnnotation().startsWith("[from baseline, 26 h old] measured in us-east-1, which answers no call"), lag.getAnnotation());
            assertEquals(CollectionGap.REGION_UNREACHABLE, lag.getGaps().get(0).errorCode());
        }
        assertNull(out.get(4).getBaseline(), "a live-side rule is never marked");
        assertEquals("said COMPLIANT", out.get(4).getAnnotation());
        assertNull(out.get(5).getBaseline(), "account B's primary answered: nothing of it came from the baseline");
    }

    @Test
    void inAFailbackTheBaselineStandsInForTheRecoveryRegionAndThePrimaryIsLive() {
        FailreadyConfig cfg = new FailreadyConfig();
        cfg.workloads.add(workload());
        Resource livePrimary = new Resource("AWS::KMS::Key", "live-e", "k", A, E, Map.of(), Map.of());
        Snapshot live = snapshot(List.of(livePrimary), List.of(
                new CollectionGap(A, W, "*", "*", null, null, CollectionGap.REGION_UNREACHABLE, "down")));
        Snapshot base = snapshot(List.of(new Resource("AWS::KMS::Key", "base-e", "k", A, E, Map.of(), Map.of()),
                new Resource("AWS::KMS::Key", "base-w", "k", A, W, Map.of(), Map.of())), List.of());
        Baseline b = new Baseline("b.json", "0".repeat(64), base, Instant.parse("2026-12-01T00:00:00Z"), Duration.ofHours(5), "7d");

        Incident in = Incident.substitute(live, b, cfg, Direction.RECOVERY_TO_PRIMARY, null);
        Set<String> ids = new TreeSet<>();
        for (Resource r : in.snapshot().getResources()) ids.add(r.getResourceId());
        assertEquals(Set.of("live-e", "base-w"), ids, "the load leaves eu-west-1: the baseline stands in for it, us-east-1 stays live");
        assertEquals(List.of(A + "/" + W), in.stoodInFor().stream().map(s -> s.accountId() + "/" + s.region()).toList());
        assertEquals(List.of(), Incident.substitute(live, b, cfg).stoodInFor(), "a failover's source (us-east-1) answered: nothing to stand in for");

        Workload w = cfg.workloads.get(0);
        List<Evaluation> evals = List.of(
                eval("KMS_KEY_AVAILABLE_IN_RECOVERY_REGION", ComplianceType.COMPLIANT, A, W),
                eval("REPLICATION_LAG_WITHIN_RPO", ComplianceType.COMPLIANT, A, W));
        List<Evaluation> out = in.mark(List.of(new WorkloadResult(w, List.of(), evals, List.of(), Direction.RECOVERY_TO_PRIMARY)), CATALOG)
                .get(0).evaluations();
        assertEquals("[from baseline, 5 h old] said COMPLIANT", out.get(0).getAnnotation());
        assertEquals(ComplianceType.INSUFFICIENT_DATA, out.get(1).getComplianceType());
        assertTrue(out.get(1).getAnnotation().contains("measured in eu-west-1, which answers no call"), out.get(1).getAnnotation());
    }

    @Test
    void aBaselineForOneDirectionIsNeverAppliedToTheOther() {
        Workload w = workload();
        Baseline b = new Baseline("b.json", "0".repeat(64), snapshot(List.of(), List.of()), Instant.parse("2026-12-01T00:00:00Z"),
                Duration.ofHours(1), "7d");
        Incident in = new Incident(b, snapshot(List.of(), List.of()),
                List.of(new io.failready.model.Report.StoodIn(A, W, "RegionUnreachable: down")), Direction.RECOVERY_TO_PRIMARY, null);
        List<WorkloadResult> failover = List.of(new WorkloadResult(w, List.of(), List.of(), List.of(), Direction.PRIMARY_TO_RECOVERY));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> in.mark(failover, CATALOG));
    }
}
