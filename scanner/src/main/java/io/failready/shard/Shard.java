package io.failready.shard;

import io.failready.util.InputException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * One slice of the accounts for running collection on several machines ({@code --shard INDEX/COUNT}).
 * An account belongs to shard {@code sha256(accountId) mod COUNT}: a stable hash of the id, not its
 * position in a list, so adding or removing one account moves only that account and every shard
 * agrees without seeing the others' lists.
 *
 * <p>The index may come from the batch system instead of the flag: {@code --shard /COUNT} (or
 * {@code auto/COUNT}) reads {@code AWS_BATCH_JOB_ARRAY_INDEX} (AWS Batch array jobs) or
 * {@code JOB_COMPLETION_INDEX} (Kubernetes Indexed Jobs). An explicit index on the flag wins.
 */
public record Shard(int index, int count) {
    public static final List<String> INDEX_VARIABLES = List.of("AWS_BATCH_JOB_ARRAY_INDEX", "JOB_COMPLETION_INDEX");

    public Shard {
        if (count < 1) throw new InputException("--shard: COUNT must be at least 1 (got " + count + ").");
        if (index < 0 || index >= count) throw new InputException("--shard: INDEX must be between 0 and " + (count - 1) + " (got " + index + ").");
    }

    /** Parses {@code INDEX/COUNT}, {@code /COUNT} or {@code auto/COUNT}; the latter two read the index from {@code env}. */
    public static Shard parse(String spec, Map<String, String> env) {
        String s = spec == null ? "" : spec.trim();
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new InputException("--shard '" + spec + "': expected INDEX/COUNT (e.g. 0/4), or /COUNT to take the index from "
                    + String.join(" or ", INDEX_VARIABLES) + ".");
        }
        int count = number(s.substring(slash + 1), spec, "COUNT");
        String idx = s.substring(0, slash).trim();
        if (!idx.isEmpty() && !idx.equalsIgnoreCase("auto")) return new Shard(number(idx, spec, "INDEX"), count);
        for (String var : INDEX_VARIABLES) {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                try {
                    return new Shard(Integer.parseInt(v.trim()), count);
                } catch (NumberFormatException e) {
                    throw new InputException(var + "='" + v + "' is not a shard index (a whole number).");
                }
            }
        }
        throw new InputException("--shard " + spec + " takes the index from " + String.join(" or ", INDEX_VARIABLES)
                + ", and neither is set; give it explicitly as INDEX/COUNT.");
    }

    private static int number(String s, String spec, String what) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new InputException("--shard '" + spec + "': " + what + " must be a whole number.");
        }
    }

    /** The shard an account belongs to, for {@code count} shards. */
    public static int of(String accountId, int count) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(accountId.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
            return (int) Long.remainderUnsigned(v, count);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean contains(String accountId) { return of(accountId, count) == index; }

    /** The accounts of this shard, in the given order. */
    public List<String> select(List<String> accountIds) { return accountIds.stream().filter(this::contains).toList(); }

    @Override public String toString() { return index + "/" + count; }
}
