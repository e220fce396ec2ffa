package io.failready.rules.api;

import io.failready.util.Globs;
import io.failready.facts.Resource;

import java.util.List;
import java.util.Map;

/** AWS Backup plans as collected: which data stores a plan's selections pick. */
public final class BackupPlans {
    private BackupPlans() {}

    /** Whether one of the plan's selections picks {@code r}. */
    public static boolean selects(Resource plan, Resource r) {
        for (Map<String, Object> sel : plan.maps("selections")) if (selects(sel, r)) return true;
        return false;
    }

    /** Whether a selection picks {@code r}: by ARN or ARN wildcard, or by tag, minus notResources. */
    public static boolean selects(Map<String, Object> selection, Resource r) {
        boolean hit = false;
        for (Object o : list(selection.get("resources"))) {
            if (o != null && Globs.glob(String.valueOf(o)).matcher(r.getResourceId()).matches()) hit = true;
        }
        for (Object o : list(selection.get("tags"))) {
            if (o instanceof Map<?, ?> t && t.get("key") != null && t.get("value") != null
                    && String.valueOf(t.get("value")).equals(r.tag(String.valueOf(t.get("key"))))) hit = true;
        }
        if (!hit) return false;
        for (Object o : list(selection.get("notResources"))) {
            if (o != null && Globs.glob(String.valueOf(o)).matcher(r.getResourceId()).matches()) return false;
        }
        return true;
    }

    private static List<?> list(Object o) { return o instanceof List<?> l ? l : List.of(); }
}
