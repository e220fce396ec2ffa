package io.failready.rules.traffic;

import io.failready.config.Workload;
import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.EdgeIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.List;
import java.util.TreeSet;

/**
 * VPC_NETWORK_PARITY_IN_RECOVERY_REGION: the decision for one VPC in the primary region that holds
 * an in-scope load balancer or is in scope itself. Scenarios are checked in the order the rule's
 * documentation lists them.
 */
public final class VpcNetworkParityInRecoveryRegion {
    private VpcNetworkParityInRecoveryRegion() {}

    private static final List<String> ATTRIBUTES = List.of("zones", "egressZones", "interfaceEndpointServices");

    /** A VPC the workload runs in: it holds an in-scope load balancer, or is in scope and not the account's default VPC. */
    public static boolean applies(Resource vpc, EdgeIndex ix) {
        return ix.holdsInScope(vpc) || (vpc.isInScope() && !vpc.bool("isDefault"));
    }

    public static Verdict decide(Resource vpc, RegionPair p, Workload w, EdgeIndex ix, GapIndex g, Counterparts cps) {
        String who = Labels.of(vpc);
        if (g.missingFor(vpc, "ec2")) {
            return Verdict.insufficientData(who + ": cannot read its subnets, routes or endpoints (" + g.why(vpc, "ec2") + ").");
        }
        for (String attr : ATTRIBUTES) {
            // absent means not collected (the collector leaves an attribute out when its call failed): never "none"
            if (!vpc.has(attr)) return Verdict.insufficientData(who + ": its " + attr + " were not collected.");
        }
        Resource cp = cps.of(vpc, p.recovery);
        if (cp == null) cp = ix.twin(vpc, p.recovery, w.matching.logicalIdTag);
        if (cp == null) {
            if (g.missing(vpc.getAccountId(), p.recovery, "ec2")) {
                return Verdict.insufficientData(who + ": cannot tell whether a counterpart VPC exists in " + p.recovery + " ("
                        + g.why(vpc.getAccountId(), p.recovery, "ec2") + ").");
            }
            return Verdict.nonCompliant(who + " has no counterpart VPC in " + p.recovery
                    + " (none matched by logical-id tag, Name tag or region tokens).", null);
        }
        String twin = Labels.of(cp);
        if (g.missingFor(cp, "ec2")) {
            return Verdict.insufficientData(who + ": its counterpart " + twin + " could not be read (" + g.why(cp, "ec2") + ").", cp);
        }
        for (String attr : ATTRIBUTES) {
            if (!cp.has(attr)) return Verdict.insufficientData(who + ": the " + attr + " of its counterpart " + twin + " were not collected.", cp);
        }
        List<Object> zones = vpc.list("zones");
        List<Object> twinZones = cp.list("zones");
        int need = Math.max(2, zones.size());
        if (twinZones.size() < need) {
            return Verdict.nonCompliant(who + ": its counterpart " + twin + " has subnets in " + twinZones.size() + " Availability Zone(s)"
                    + (twinZones.isEmpty() ? "" : " (" + Text.join(twinZones) + ")") + "; it needs at least " + need
                    + (zones.size() >= 2 ? ", as many as the primary" : "") + ".", cp);
        }
        int egress = vpc.list("egressZones").size();
        int twinEgress = cp.list("egressZones").size();
        if (twinEgress < egress) {
            return Verdict.nonCompliant(who + ": its counterpart " + twin + " has a NAT or internet default route in " + twinEgress
                    + " zone(s), the primary in " + egress + " (" + Text.join(vpc.list("egressZones")) + ").", cp);
        }
        TreeSet<String> missing = new TreeSet<>();
        for (Object svc : vpc.list("interfaceEndpointServices")) {
            String s = String.valueOf(svc);
            // endpoint services of other accounts (vpce-svc-...) have region-specific names: not comparable
            if (s.contains("vpce-svc-")) continue;
            if (!cp.list("interfaceEndpointServices").contains(svc)) missing.add(s);
        }
        if (!missing.isEmpty()) {
            return Verdict.nonCompliant(who + ": its counterpart " + twin + " lacks interface endpoint(s) for " + Text.join(missing)
                    + ", which workloads in private subnets reach AWS services through.", cp);
        }
        return Verdict.compliant(who + ": its counterpart " + twin + " spans " + twinZones.size() + " zones with egress in "
                + twinEgress + " and the same interface endpoints.", cp);
    }
}
