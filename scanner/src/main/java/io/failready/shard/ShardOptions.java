package io.failready.shard;

import picocli.CommandLine.Option;

import java.util.List;

/**
 * The {@code --shard} option as a picocli mixin, for commands that visit accounts
 * ({@code collect}, {@code bench generate}): {@code @Mixin ShardOptions shard;} then
 * {@code shard.select(accounts)}. Without the flag every account is selected.
 */
public final class ShardOptions {
    @Option(names = "--shard", paramLabel = "INDEX/COUNT",
            description = {"Only the accounts of shard INDEX of COUNT (0-based), split by a stable hash of the account id.",
                    "'/COUNT' takes INDEX from AWS_BATCH_JOB_ARRAY_INDEX or JOB_COMPLETION_INDEX; an explicit INDEX wins.",
                    "Combine the shards' snapshots with 'failready merge'."})
    String spec;

    /** The shard, or null when the flag was not given. */
    public Shard shard() { return spec == null ? null : Shard.parse(spec, System.getenv()); }

    public List<String> select(List<String> accountIds) {
        Shard s = shard();
        return s == null ? accountIds : s.select(accountIds);
    }
}
