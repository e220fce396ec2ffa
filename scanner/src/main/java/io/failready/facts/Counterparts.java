package io.failready.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All Counterpart facts of the session, indexed, for rules that want to name a twin when one
 * exists without splitting every outcome into "with twin" and "without twin" variants:
 * {@code $cp : Counterparts()} then {@code $cp.of($r, $p.recovery)} (null when none).
 */
public final class Counterparts {
    private final Map<String, Counterpart> index = new HashMap<>();

    public Counterparts(List<Counterpart> all) {
        for (Counterpart c : all) index.put(c.resourceId() + "|" + c.recoveryRegion(), c);
    }

    public Resource of(Resource r, String recoveryRegion) {
        Counterpart c = index.get(r.getResourceId() + "|" + recoveryRegion);
        return c == null ? null : c.counterpart();
    }

    public boolean has(Resource r, String recoveryRegion) { return index.containsKey(r.getResourceId() + "|" + recoveryRegion); }

    public String matchedBy(Resource r, String recoveryRegion) {
        Counterpart c = index.get(r.getResourceId() + "|" + recoveryRegion);
        return c == null ? null : c.matchedBy();
    }
}
