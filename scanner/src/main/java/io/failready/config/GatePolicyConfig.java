package io.failready.config;

import java.util.ArrayList;
import java.util.List;

/** Gate policy as written in the config; flags override each field. */
public final class GatePolicyConfig {
    public String failOn;
    public Double minScore;
    public List<String> blockRules = new ArrayList<>();
    public List<String> blockSections = new ArrayList<>();
    public List<String> warnOnly = new ArrayList<>();
    public Boolean allowUnknown;
    public String maxAge;
}
