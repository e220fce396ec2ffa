package io.failready.cli;

import io.failready.collect.Collection;
import io.failready.collect.aws.CollectorRegistry;
import io.failready.collect.CollectRequest;
import io.failready.config.FailreadyConfig;
import io.failready.config.Workload;
import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import io.failready.util.InputException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a configuration (or bare flags) into collection requests and runs them. */
final class LiveScan {
    private LiveScan() {}

    /** Regions every workload needs, in declaration order. */
    static List<String> regions(FailreadyConfig cfg) {
        Set<String> r = new LinkedHashSet<>();
        for (Workload w : cfg.workloads) r.addAll(w.allRegions());
        return List.copyOf(r);
    }

    /**
     * Collects every account of every workload. Accounts are grouped by (role name, external id)
     * because one request assumes one role; flags override the configuration.
     */
    static Snapshot collect(FailreadyConfig cfg, AwsOptions aws, PrintWriter err) {
        CollectRequest base = aws.toRequest(regions(cfg), err);
        if (!base.accounts().isEmpty() || base.organization()) return Collection.run(base, CollectorRegistry.all());
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        for (Workload w : cfg.workloads) {
            for (Workload.AccountRef a : w.accounts) {
                String role = base.roleName() != null ? base.roleName() : a.roleName;
                String ext = base.externalId() != null ? base.externalId() : a.externalId;
                List<String> key = java.util.Arrays.asList(role, ext);
                List<String> ids = groups.computeIfAbsent(key, k -> new ArrayList<>());
                if (!ids.contains(a.id)) ids.add(a.id);
            }
        }
        List<Snapshot> parts = new ArrayList<>();
        for (Map.Entry<List<String>, List<String>> g : groups.entrySet()) {
            parts.add(Collection.run(new CollectRequest(g.getValue(), g.getKey().get(0), g.getKey().get(1), false,
                    base.profile(), base.regions(), base.endpointUrl(), base.concurrency(), base.callTimeout(),
                    base.scanTimeout(), base.progress(), base.progressOut()), CollectorRegistry.all()));
        }
        return parts.size() == 1 ? parts.get(0) : concat(parts);
    }

    /** Snapshots of disjoint account groups, combined; global resources seen twice are kept once. */
    static Snapshot concat(List<Snapshot> parts) {
        List<Resource> resources = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        List<CollectionGap> gaps = new ArrayList<>();
        Set<String> seenGaps = new java.util.HashSet<>();
        Set<String> accounts = new LinkedHashSet<>(), regions = new LinkedHashSet<>();
        String start = null, end = null;
        for (Snapshot s : parts) {
            for (Resource r : s.getResources()) if (seen.add(r.getAccountId() + "|" + r.getAwsRegion() + "|" + r.getResourceType() + "|" + r.getResourceId())) resources.add(r);
            // every group asks sts:GetCallerIdentity: when AWS does not answer, say so once
            for (CollectionGap g : s.getCollectionGaps()) {
                if (g.getResourceId() != null || seenGaps.add(g.toString())) gaps.add(g);
            }
            accounts.addAll(s.getAccounts());
            regions.addAll(s.getRegions());
            if (s.getCollectionWindow() != null) {
                if (start == null || s.getCollectionWindow().startedAt().compareTo(start) < 0) start = s.getCollectionWindow().startedAt();
                if (end == null || s.getCollectionWindow().finishedAt().compareTo(end) > 0) end = s.getCollectionWindow().finishedAt();
            }
        }
        Snapshot first = parts.get(0);
        return new Snapshot(Snapshot.SCHEMA_VERSION, first.getTool(), end, new Snapshot.Window(start, end),
                List.copyOf(accounts), List.copyOf(regions), resources, gaps).sorted();
    }

    /**
     * A scan from flags alone, for a first look: one workload over every collected account,
     * everything in scope. RTO, RPO and owner are unknown, so the requirement rules say so.
     */
    static FailreadyConfig fromFlags(String primary, List<String> recovery, Snapshot snapshot, String strategy) {
        if (primary == null || recovery == null || recovery.isEmpty()) {
            throw new InputException("a scan without --config needs --primary-region and --recovery-region (or use --demo).");
        }
        FailreadyConfig cfg = new FailreadyConfig();
        Workload w = new Workload();
        w.name = "default";
        w.primaryRegion = primary;
        w.recoveryRegions = new ArrayList<>(recovery);
        w.strategy = io.failready.config.DrStrategy.of(strategy);
        for (String a : snapshot.getAccounts()) {
            Workload.AccountRef ref = new Workload.AccountRef();
            ref.id = a;
            w.accounts.add(ref);
        }
        // No account at all is only possible when AWS did not answer the call naming it (the snapshot then
        // carries that gap): the workload stays without inventory and its verdict is UNKNOWN, with a report.
        if (w.accounts.isEmpty() && snapshot.getCollectionGaps().isEmpty()) {
            throw new InputException("the collection found no account to evaluate.");
        }
        cfg.workloads.add(w);
        return cfg;
    }

    /** Error codes of a call AWS never answered (nothing came back, as opposed to an answer saying no). */
    private static final Set<String> NO_ANSWER = Set.of("ConnectionFailed", "UnknownHost", io.failready.collect.Gaps.CALL_TIMEOUT,
            io.failready.collect.Gaps.SCAN_TIMEOUT, "ClientError");

    /**
     * "sts:GetCallerIdentity: ConnectionFailed" when AWS did not answer at all (the call naming the
     * accounts went unanswered, or nothing was read and every gap is an unanswered call), else null.
     * The CLI says so in one line: an empty inventory must not look like an empty estate.
     */
    static String noAnswer(Snapshot s) {
        for (CollectionGap g : s.getCollectionGaps()) {
            if (g.isAccountDiscovery()) {
                return g.getService() + ":" + g.getOperation() + ": " + g.getErrorCode();
            }
        }
        if (!s.getResources().isEmpty() || s.getCollectionGaps().isEmpty()) return null;
        for (CollectionGap g : s.getCollectionGaps()) if (!NO_ANSWER.contains(g.getErrorCode())) return null;
        CollectionGap g = s.getCollectionGaps().get(0);
        return "every call failed, e.g. " + g.getService() + ":" + g.getOperation() + ": " + g.getErrorCode();
    }
}
