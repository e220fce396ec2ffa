package io.failready.evaluate;

import io.failready.config.Workload;
import io.failready.facts.Resource;
import io.failready.util.Globs;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides which resources a workload owns: any listed tag (with an accepted value) or any name
 * pattern selects; exclusions win; an empty scope selects everything in the workload's accounts.
 */
public final class Scope {
    private final Map<String, List<String>> tags;
    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final List<String> types;

    public Scope(Workload.Scope s) {
        this.tags = s.tags;
        this.include = s.namePatterns.stream().map(Globs::glob).toList();
        this.exclude = s.excludeNamePatterns.stream().map(Globs::glob).toList();
        this.types = s.resourceTypes;
    }

    public boolean contains(Resource r) {
        if (!types.isEmpty() && !types.contains(r.getResourceType())) return false;
        String name = r.getResourceName();
        for (Pattern p : exclude) if (p.matcher(name).matches()) return false;
        if (tags.isEmpty() && include.isEmpty()) return true;
        for (Map.Entry<String, List<String>> t : tags.entrySet()) {
            String v = r.tag(t.getKey());
            if (v != null && (t.getValue().isEmpty() || t.getValue().contains(v))) return true;
        }
        for (Pattern p : include) if (p.matcher(name).matches()) return true;
        return false;
    }
}
