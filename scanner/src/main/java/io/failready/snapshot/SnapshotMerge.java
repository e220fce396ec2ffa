package io.failready.snapshot;

import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.util.InputException;
import io.failready.util.Json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Combines shard snapshots into one ({@code failready merge}). Resources are keyed by account,
 * region, type and id: identical copies (global resources seen by two shards, an account collected
 * twice) collapse into one; accounts, regions and gaps are unioned. Refused, as input errors:
 * inputs of different schema major versions, and an account present in two inputs with different
 * content (a resource that differs or is missing on one side) — merging those would silently pick
 * one version of the estate.
 */
public final class SnapshotMerge {
    private SnapshotMerge() {}

    public record Input(String name, Snapshot snapshot) {}

    public static Snapshot merge(List<Input> inputs) {
        if (inputs.isEmpty()) throw new InputException("merge needs at least one snapshot.");
        String major = null, majorFrom = null;
        for (Input in : inputs) {
            String m = in.snapshot().getSchemaVersion().split("\\.")[0];
            if (major == null) { major = m; majorFrom = in.name(); }
            else if (!major.equals(m)) {
                throw new InputException(in.name(), -1, -1, "snapshot schemaVersion " + in.snapshot().getSchemaVersion()
                        + " has a different major version than " + majorFrom + " (" + major + ".x); refusing to merge mixed schema versions.");
            }
        }
        // an account covered by several inputs must have the same content in each
        Map<String, String> accountOwner = new HashMap<>();
        Map<String, String> accountDigest = new HashMap<>();
        for (Input in : inputs) {
            Map<String, StringBuilder> perAccount = new HashMap<>();
            for (Resource r : in.snapshot().sorted().getResources()) perAccount.computeIfAbsent(r.getAccountId(), k -> new StringBuilder()).append(json(r)).append('\n');
            for (CollectionGap g : in.snapshot().sorted().getCollectionGaps()) perAccount.computeIfAbsent(g.getAccountId(), k -> new StringBuilder()).append(json(g)).append('\n');
            // accounts the input says it collected; resources of other accounts (shared global ones) are only key-checked
            TreeSet<String> accounts = new TreeSet<>(in.snapshot().getAccounts());
            if (accounts.isEmpty()) accounts.addAll(perAccount.keySet());
            for (String a : accounts) {
                String digest = io.failready.util.Hashing.sha256(perAccount.getOrDefault(a, new StringBuilder()).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                String prev = accountDigest.putIfAbsent(a, digest);
                if (prev != null && !prev.equals(digest)) {
                    throw new InputException(in.name(), -1, -1, "account " + a + " is also in " + accountOwner.get(a)
                            + " with different content (resources or gaps differ); shards must not overlap. Re-collect one of them.");
                }
                accountOwner.putIfAbsent(a, in.name());
            }
        }
        Map<String, Resource> resources = new LinkedHashMap<>();
        Map<String, CollectionGap> gaps = new LinkedHashMap<>();
        TreeSet<String> accounts = new TreeSet<>(), regions = new TreeSet<>();
        String version = null, collectedAt = null, started = null, finished = null;
        Snapshot.Tool tool = null;
        for (Input in : inputs) {
            Snapshot s = in.snapshot();
            accounts.addAll(s.getAccounts());
            regions.addAll(s.getRegions());
            for (Resource r : s.getResources()) {
                String key = r.getAccountId() + "|" + r.getAwsRegion() + "|" + r.getResourceType() + "|" + r.getResourceId();
                Resource prev = resources.putIfAbsent(key, r);
                if (prev != null && prev != r && !json(prev).equals(json(r))) {
                    throw new InputException(in.name(), -1, -1, "resource " + r.getResourceId() + " (" + r.getAccountId() + "/" + r.getAwsRegion()
                            + ") differs from the copy in another input; refusing to pick one.");
                }
            }
            for (CollectionGap g : s.getCollectionGaps()) gaps.putIfAbsent(json(g), g);
            if (version == null || s.getSchemaVersion().compareTo(version) > 0) version = s.getSchemaVersion();
            if (tool == null) tool = s.getTool();
            // the merged snapshot is as old as its oldest part (what --max-age must judge)
            collectedAt = min(collectedAt, s.getCollectedAt());
            if (s.getCollectionWindow() != null) {
                started = min(started, s.getCollectionWindow().startedAt());
                finished = max(finished, s.getCollectionWindow().finishedAt());
            }
        }
        return new Snapshot(version, tool, collectedAt, started == null && finished == null ? null : new Snapshot.Window(started, finished),
                new ArrayList<>(accounts), new ArrayList<>(regions), new ArrayList<>(resources.values()), new ArrayList<>(gaps.values())).sorted();
    }

    private static String json(Object o) {
        try {
            return Json.COMPACT.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String min(String a, String b) { return a == null ? b : b == null ? a : (a.compareTo(b) <= 0 ? a : b); }
    private static String max(String a, String b) { return a == null ? b : b == null ? a : (a.compareTo(b) >= 0 ? a : b); }

}
