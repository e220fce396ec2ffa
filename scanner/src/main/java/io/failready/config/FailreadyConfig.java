package io.failready.config;

import java.util.ArrayList;
import java.util.List;

/** The whole configuration file: one or more workloads plus shared settings. */
public final class FailreadyConfig {
    public int version = 1;
    public List<Workload> workloads = new ArrayList<>();
    /** Separate waiver files, e.g. owned by the compliance team; paths relative to the config. */
    public List<String> waiverFiles = new ArrayList<>();
    /** Extra rule directories, relative to the config. */
    public List<String> ruleDirectories = new ArrayList<>();
    /** What every waiver must carry to be honoured. */
    public WaiverPolicy waiverPolicy = new WaiverPolicy();
    /** Rule ids switched off for every workload. */
    public List<String> disabledRules = new ArrayList<>();
    /** disabledRules entry -> where it is declared ("payments.yaml:4"), for outputs to name. */
    public transient java.util.Map<String, String> disabledRuleSources = new java.util.HashMap<>();
    /** Where this config was read from; null for flag-built configs. */
    public transient String source;
}
