package io.failready.gate.incident;

import io.failready.config.FailreadyConfig;
import io.failready.config.Workload;
import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import io.failready.util.Durations;
import io.failready.util.Hashing;
import io.failready.util.InputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The last good snapshot given with {@code --baseline}: a file we did not just compute, so it is
 * checked before the live collection starts (schema, age, coverage, its own gaps) and refused with
 * exit 2 when any check fails. The bytes are hashed and parsed from one read, so the SHA-256 the
 * report records is of exactly what was judged.
 */
public record Baseline(String path, String sha256, Snapshot snapshot, Instant collectedAt, Duration age, String maxAge) {

    /** Default for --max-baseline-age (see the README's incident pre-check). */
    public static final String DEFAULT_MAX_AGE = "7d";
    /** Clock skew tolerated before a collectedAt counts as "in the future". */
    static final Duration SKEW = Duration.ofMinutes(5);

    public long ageSeconds() { return Math.max(0, age.toSeconds()); }

    /** Reads and checks {@code file} for the workloads of {@code cfg}, measured at {@code now}. */
    public static Baseline load(Path file, FailreadyConfig cfg, String maxAgeText, Instant now) {
        return load(file, cfg, maxAgeText, now, io.failready.model.Direction.PRIMARY_TO_RECOVERY, null);
    }

    /** As {@link #load(Path, FailreadyConfig, String, Instant)}, covering the source region of {@code direction} (a failback's is the recovery region). */
    public static Baseline load(Path file, FailreadyConfig cfg, String maxAgeText, Instant now, io.failready.model.Direction direction, String fromRegion) {
        Duration maxAge;
        try {
            maxAge = Durations.parse(maxAgeText);
        } catch (IllegalArgumentException e) {
            throw new InputException("--max-baseline-age: " + e.getMessage() + ".");
        }
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name, -1, -1, "baseline snapshot file not found.");
        } catch (IOException e) {
            throw new InputException(name, -1, -1, "baseline snapshot could not be read: " + e.getMessage(), e);
        }
        Snapshot s;
        try {
            s = SnapshotIO.read(new ByteArrayInputStream(bytes), name);
        } catch (IOException e) {
            throw new InputException(name, -1, -1, "baseline snapshot could not be read: " + e.getMessage(), e);
        }
        String what = "as a baseline (--baseline) this snapshot ";
        if (s.getCollectedAt() == null) throw new InputException(name, -1, -1, what + "must say when it was collected (collectedAt), and it does not.");
        Instant at;
        try {
            at = Instant.parse(s.getCollectedAt());
        } catch (DateTimeParseException e) {
            throw new InputException(name, -1, -1, what + "has collectedAt '" + s.getCollectedAt() + "', which is not an ISO-8601 instant.");
        }
        if (at.isAfter(now.plus(SKEW))) {
            throw new InputException(name, -1, -1, what + "says it was collected at " + at + ", in the future (now: "
                    + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "): a clock or a file is wrong, and its age cannot be known.");
        }
        Duration age = Duration.between(at, now);
        if (age.compareTo(maxAge) > 0) {
            throw new InputException(name, -1, -1, what + "was collected at " + at + ", " + Durations.human(age) + " ago, older than --max-baseline-age "
                    + maxAgeText + ": the estate has likely changed since. Use a more recent snapshot (a scheduled scan's --snapshot-out), "
                    + "or raise --max-baseline-age knowingly.");
        }
        checkConsistent(name, s);
        for (Workload w : cfg.workloads) checkCovers(name, s, w, SourceRegions.of(w, direction, fromRegion));
        String sha = Hashing.sha256(bytes);
        return new Baseline(name, sha, s, at, age, maxAgeText);
    }

    /** Every resource and gap lies in the accounts and regions the snapshot says it covered: anything else is a forged or mangled file. */
    private static void checkConsistent(String name, Snapshot s) {
        Set<String> accounts = new HashSet<>(s.getAccounts());
        Set<String> regions = new HashSet<>(s.getRegions());
        regions.add(Resource.GLOBAL);
        for (Resource r : s.getResources()) {
            if (!accounts.contains(r.getAccountId()) || !regions.contains(r.getAwsRegion())) {
                throw new InputException(name, -1, -1, "as a baseline (--baseline) this snapshot is inconsistent: resource " + r.getResourceId()
                        + " is in account " + r.getAccountId() + ", region " + r.getAwsRegion() + ", outside the accounts " + s.getAccounts()
                        + " and regions " + s.getRegions() + " it says it covered. It was edited or assembled by hand; use a snapshot as collect wrote it.");
            }
        }
    }

    /** The workload's accounts in its source region, read without a gap covering the whole region. */
    private static void checkCovers(String name, Snapshot s, Workload w, String region) {
        Set<String> missing = new TreeSet<>();
        for (String a : w.accountIds()) if (!s.getAccounts().contains(a)) missing.add(a);
        if (!missing.isEmpty() || !s.getRegions().contains(region)) {
            throw new InputException(name, -1, -1, "as a baseline (--baseline) this snapshot does not cover workload " + w.name + ": it needs "
                    + (missing.isEmpty() ? "" : "account(s) " + String.join(", ", missing) + " ") + (s.getRegions().contains(region) ? "" : "region " + region + " ")
                    + "but covers accounts " + s.getAccounts() + " in regions " + s.getRegions() + ". Use a snapshot of this workload's estate.");
        }
        for (CollectionGap g : s.getCollectionGaps()) {
            boolean wholeRegion = g.getResourceId() == null && CollectionGap.ALL_SERVICES.equals(g.getService())
                    && w.accountIds().contains(g.getAccountId()) && (region.equals(g.getRegion()) || Resource.GLOBAL.equals(g.getRegion()));
            if (g.isAccountDiscovery() || wholeRegion) {
                throw new InputException(name, -1, -1, "as a baseline (--baseline) this snapshot is not a good one: it could not read "
                        + g.getAccountId() + "/" + g.getRegion() + " itself (" + g.getService() + ":" + g.getOperation() + " -> " + g.getErrorCode()
                        + "), so it cannot stand in for that region. Use the last snapshot collected while " + region + " answered.");
            }
        }
    }

    /** The baseline's resources and gaps of {@code account} in {@code region}. */
    List<Resource> resources(String account, String region) {
        return snapshot.getResources().stream().filter(r -> r.getAccountId().equals(account) && r.getAwsRegion().equals(region)).toList();
    }

    List<CollectionGap> gaps(String account, String region) {
        return snapshot.getCollectionGaps().stream().filter(g -> g.getAccountId().equals(account) && g.getRegion().equals(region)).toList();
    }
}
