package io.failready.rules.traffic;

import io.failready.facts.AsOf;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.EdgeIndex;
import io.failready.rules.api.Arns;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * ACM_CERTIFICATE_AVAILABLE_IN_RECOVERY_REGION: the decision for one certificate in the primary
 * region that an in-scope load balancer or API custom domain uses (or that is in scope itself).
 * Scenarios are checked in the order the rule's documentation lists them.
 */
public final class AcmCertificateAvailableInRecoveryRegion {
    private AcmCertificateAvailableInRecoveryRegion() {}

    public static Verdict decide(Resource cert, RegionPair p, EdgeIndex ix, GapIndex g, AsOf now, int expiryWarningDays, String renewalOwner) {
        String who = Labels.of(cert);
        if (g.missingFor(cert, "acm")) {
            return Verdict.insufficientData(who + ": cannot read its domain names and use (" + g.why(cert, "acm") + ").");
        }
        List<String> cloudFront = new ArrayList<>();
        boolean regional = !ix.certificateUsers(cert).isEmpty();
        for (Object u : cert.list("inUseBy")) {
            if ("cloudfront".equals(Arns.service(String.valueOf(u)))) cloudFront.add(Arns.shortName(String.valueOf(u)));
            else regional = true;
        }
        // CloudFront is global and takes its certificates from us-east-1 whichever region fails:
        // such a certificate needs no copy in the recovery region.
        if (!regional && !cloudFront.isEmpty()) {
            return Verdict.notApplicable(who + " serves only CloudFront distribution(s) " + Text.join(cloudFront)
                    + ", which use it from us-east-1 in either direction; no copy is needed in " + p.recovery + ".");
        }
        if (!regional) {
            return Verdict.notApplicable(who + " is not in use by a load balancer or API custom domain in " + p.primary + ".");
        }
        Set<String> domains = new LinkedHashSet<>(EdgeIndex.certificateNames(cert));

        // The certificates there that cover at least one name, by position in the region's list (scan order, which
        // breaks ties), with how many names each covers: looked up by name, never a scan of every certificate.
        List<Resource> there = ix.certificates(p.recovery);
        TreeMap<Integer, Integer> hits = new TreeMap<>();
        for (String d : domains) for (int at : ix.certificatesCovering(p.recovery, d)) hits.merge(at, 1, Integer::sum);
        List<Resource> covering = new ArrayList<>();
        if (domains.isEmpty()) covering.addAll(there); // no names to cover: every certificate covers them
        Resource partial = null;
        int partialHits = 0;
        for (Map.Entry<Integer, Integer> h : hits.entrySet()) {
            Resource c = there.get(h.getKey());
            if (h.getValue() == domains.size()) covering.add(c);
            else if (!g.missingFor(c, "acm") && h.getValue() > partialHits) {
                partial = c;
                partialHits = h.getValue();
            }
        }
        // Same account first, then ISSUED, then the latest expiry: the candidate most likely to be the twin.
        covering.sort(Comparator.comparing((Resource c) -> !c.getAccountId().equals(cert.getAccountId()))
                .thenComparing(c -> !"ISSUED".equals(c.str("status")))
                .thenComparing(c -> c.str("notAfter") == null ? "" : c.str("notAfter"), Comparator.reverseOrder()));
        Instant limit = now.instant.plus(expiryWarningDays, ChronoUnit.DAYS);
        String firstProblem = null;
        Resource firstProblemCert = null;
        Resource unreadable = null;
        for (Resource c : covering) {
            if (g.missingFor(c, "acm")) { if (unreadable == null) unreadable = c; continue; }
            String problem = problem(c, limit, expiryWarningDays, renewalOwner);
            if (problem == null) {
                return Verdict.compliant(who + " is covered in " + p.recovery + " by " + Labels.of(c) + " (ISSUED, valid until "
                        + day(c.str("notAfter")) + ", " + renewal(c, renewalOwner) + ").", c);
            }
            if (firstProblem == null) { firstProblem = problem; firstProblemCert = c; }
        }
        if (unreadable != null) {
            return Verdict.insufficientData(who + ": the certificate that covers it in " + p.recovery + ", " + Labels.of(unreadable)
                    + ", could not be read (" + g.why(unreadable, "acm") + ").", unreadable);
        }
        if (firstProblem != null) {
            return Verdict.nonCompliant(who + ": its twin in " + p.recovery + " " + firstProblem + ".", firstProblemCert);
        }
        if (g.missing(cert.getAccountId(), p.recovery, "acm")) {
            return Verdict.insufficientData(who + ": cannot tell whether a certificate covers it in " + p.recovery + " ("
                    + g.why(cert.getAccountId(), p.recovery, "acm") + ").");
        }
        Resource unread = lastNotCovering(ix.certificatesWithGap(p.recovery, g, "acm"), domains);
        if (unread != null) {
            // its names were not read, so it may be the twin: not knowing is not "missing"
            return Verdict.insufficientData(who + ": no readable certificate in " + p.recovery + " covers it, and "
                    + Labels.of(unread) + " there could not be read (" + g.why(unread, "acm") + ").");
        }
        if (partial != null) {
            return Verdict.nonCompliant(who + ": no certificate in " + p.recovery + " covers all its names; the closest, "
                    + Labels.of(partial) + ", lacks " + Text.join(uncovered(domains, partial)) + ".", null);
        }
        return Verdict.nonCompliant(who + ": no certificate in " + p.recovery + " covers " + Text.join(domains)
                + ", so the recovery load balancers and API domains cannot serve HTTPS for it.", null);
    }

    /** The last of {@code certs} (whose names could not all be read) that does not cover every one of {@code domains}. */
    private static Resource lastNotCovering(List<Resource> certs, Set<String> domains) {
        for (int i = certs.size() - 1; i >= 0; i--) if (!uncovered(domains, certs.get(i)).isEmpty()) return certs.get(i);
        return null;
    }

    /** The names of {@code domains} no name on {@code c} covers (wildcards cover exactly one label). */
    static List<String> uncovered(Set<String> domains, Resource c) {
        List<String> names = EdgeIndex.certificateNames(c);
        List<String> missing = new ArrayList<>();
        for (String d : domains) {
            boolean ok = false;
            for (String n : names) if (covers(n, d)) { ok = true; break; }
            if (!ok) missing.add(d);
        }
        return missing;
    }

    /** {@code *.example.com} covers {@code a.example.com}, not {@code example.com} nor {@code a.b.example.com}. */
    static boolean covers(String name, String domain) { return EdgeIndex.covers(name, domain); }

    private static String problem(Resource c, Instant limit, int days, String owner) {
        String status = c.str("status");
        if (!"ISSUED".equals(status)) return "is " + (status == null ? "of unknown status" : status) + ", not ISSUED";
        Instant notAfter = instant(c.str("notAfter"));
        if (notAfter == null) return "has no readable expiry date";
        if (notAfter.isBefore(limit)) return "expires on " + day(c.str("notAfter")) + ", within the " + days + "-day warning window";
        if (renews(c, owner)) return null;
        if ("IMPORTED".equals(c.str("type"))) {
            return "is imported, so ACM never renews it, and ImportedCertificateOwner names no owner";
        }
        return "is not eligible for ACM managed renewal (" + c.str("renewalEligibility")
                + "; ACM renews only certificates in use) and ImportedCertificateOwner names no owner";
    }

    private static boolean renews(Resource c, String owner) {
        boolean managed = !"IMPORTED".equals(c.str("type")) && "ELIGIBLE".equals(c.str("renewalEligibility"));
        return managed || (owner != null && !owner.isBlank());
    }

    private static String renewal(Resource c, String owner) {
        if (!"IMPORTED".equals(c.str("type")) && "ELIGIBLE".equals(c.str("renewalEligibility"))) return "renewed by ACM";
        return "renewed by " + Text.shorten(owner.trim(), 40);
    }

    private static Instant instant(String iso) {
        if (iso == null) return null;
        try { return Instant.parse(iso); } catch (DateTimeParseException e) { return null; }
    }

    private static String day(String iso) { return iso == null ? "?" : iso.length() >= 10 ? iso.substring(0, 10) : iso; }
}
