package io.failready.rules.traffic;

import io.failready.facts.AsOf;
import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Arns;
import io.failready.rules.api.EdgeIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decision looks certificates up by the names that cover a domain instead of scanning every certificate of the
 * recovery region for each primary one; over a large, deliberately tangled organization it must give exactly what
 * that scan gave: verdict, annotation and chosen counterpart (the scan order breaks ties).
 */
class AcmCertificateIndexOracleTest {
    private static final String CERT = "AWS::CertificateManager::Certificate";
    private static final AsOf NOW = new AsOf(Instant.parse("2026-11-01T00:00:00Z"));

    @Test
    void thousandsOfCertificatesGiveTheSameEvaluationsAsTheLinearScan() {
        Random rnd = new Random(19);
        List<Resource> all = new ArrayList<>();
        List<Resource> primaries = new ArrayList<>();
        List<CollectionGap> gaps = new ArrayList<>();
        for (int i = 0; i < 2400; i++) {
            String account = String.format("%012d", 100000000000L + rnd.nextInt(25));
            boolean primary = i % 3 == 0;
            String region = primary ? PRIMARY : RECOVERY;
            String arn = "arn:aws:acm:" + region + ":" + account + ":certificate/c" + i;
            List<String> names = new ArrayList<>();
            int count = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(3);
            for (int n = 0; n < count; n++) names.add(name(rnd));
            Map<String, Object> cfg = new LinkedHashMap<>();
            if (!names.isEmpty() && rnd.nextInt(10) > 0) cfg.put("domainName", names.get(0));
            cfg.put("subjectAlternativeNames", names);
            cfg.put("status", rnd.nextInt(6) == 0 ? "PENDING_VALIDATION" : "ISSUED");
            cfg.put("type", rnd.nextInt(5) == 0 ? "IMPORTED" : "AMAZON_ISSUED");
            cfg.put("renewalEligibility", rnd.nextInt(6) == 0 ? "INELIGIBLE" : "ELIGIBLE");
            int expiry = rnd.nextInt(10);
            if (expiry > 0) cfg.put("notAfter", expiry == 1 ? "2026-11-10T00:00:00Z" : "2027-0" + expiry + "-01T00:00:00Z");
            if (primary) cfg.put("inUseBy", List.of("arn:aws:elasticloadbalancing:" + PRIMARY + ":" + account + ":loadbalancer/app/w" + i + "/1"));
            Resource r = new Resource(CERT, arn, "c" + i, account, region, Map.of(), cfg);
            r.setInScope(true);
            all.add(r);
            if (primary) primaries.add(r);
            else if (rnd.nextInt(20) == 0) {
                gaps.add(new CollectionGap(account, region, "acm", "DescribeCertificate", CERT, arn, "ThrottlingException", "slow down"));
            }
        }
        // one account could not be read at all in the recovery region, another not in the primary one
        gaps.add(CollectionGap.serviceWide(String.format("%012d", 100000000003L), RECOVERY, "acm", "ListCertificates", "AccessDenied", "denied"));
        gaps.add(CollectionGap.serviceWide(String.format("%012d", 100000000007L), PRIMARY, "acm", "ListCertificates", "AccessDenied", "denied"));
        EdgeIndex ix = new EdgeIndex(all);
        Map<String, Integer> seen = new TreeMap<>();
        // the same index judged with and without the gaps, as two sessions would
        for (GapIndex g : List.of(new GapIndex(gaps, Set.of(), Set.of()), new GapIndex(List.of(), Set.of(), Set.of()))) {
            for (int i = 0; i < primaries.size(); i++) {
                Resource p = primaries.get(i);
                String owner = i % 2 == 0 ? "" : "platform-team";
                Verdict expected = LinearScan.decide(p, PAIR, ix, g, NOW, 30, owner);
                Verdict actual = AcmCertificateAvailableInRecoveryRegion.decide(p, PAIR, ix, g, NOW, 30, owner);
                assertEquals(expected.type(), actual.type(), p.getResourceId());
                assertEquals(expected.annotation(), actual.annotation(), p.getResourceId());
                assertSame(expected.counterpart(), actual.counterpart(), p.getResourceId());
                seen.merge(expected.type() + " " + BRANCH.matcher(expected.annotation()).replaceAll("$1"), 1, Integer::sum);
            }
        }
        // the estate reaches every branch of the decision, or the comparison proves little
        for (String branch : List.of("COMPLIANT covered in", "NON_COMPLIANT its twin in", "NON_COMPLIANT the closest",
                "NON_COMPLIANT so the recovery", "INSUFFICIENT_DATA no readable", "INSUFFICIENT_DATA cannot tell",
                "INSUFFICIENT_DATA could not be read", "INSUFFICIENT_DATA cannot read")) {
            assertTrue(seen.getOrDefault(branch, 0) > 0, branch + " never reached: " + seen);
        }
    }

    private static final Pattern BRANCH = Pattern.compile(
            ".*?(covered in|its twin in|the closest|so the recovery|no readable|cannot tell|could not be read|cannot read).*");

    /** Names mostly drawn from a small pool, so certificates share names, wildcards, apexes and deeper labels. */
    private static String name(Random rnd) {
        String zone = "z" + rnd.nextInt(40) + ".example.com";
        return switch (rnd.nextInt(8)) {
            case 0 -> "*." + zone;
            case 1 -> zone;
            case 2 -> "a.b." + zone;
            case 3 -> "*.b." + zone;
            case 4 -> "WWW." + zone + ".";
            case 5 -> "u" + rnd.nextInt(1000) + ".example.org";
            default -> "h" + rnd.nextInt(4) + "." + zone;
        };
    }

    /** The decision as it was before the index: every certificate of the recovery region is examined for each subject. */
    private static final class LinearScan {
        static Verdict decide(Resource cert, RegionPair p, EdgeIndex ix, GapIndex g, AsOf now, int expiryWarningDays, String renewalOwner) {
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
            Set<String> domains = new LinkedHashSet<>();
            if (cert.str("domainName") != null) domains.add(EdgeIndex.dns(cert.str("domainName")));
            for (Object san : cert.list("subjectAlternativeNames")) domains.add(EdgeIndex.dns(san));

            List<Resource> covering = new ArrayList<>();
            Resource partial = null;
            List<String> partialMissing = null;
            Resource unread = null;
            for (Resource c : ix.certificates(p.recovery)) {
                List<String> missing = uncovered(domains, c);
                if (missing.isEmpty()) covering.add(c);
                else if (g.missingFor(c, "acm")) unread = c;
                else if (missing.size() < domains.size() && (partialMissing == null || missing.size() < partialMissing.size())) {
                    partial = c;
                    partialMissing = missing;
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
            if (unread != null) {
                // its names were not read, so it may be the twin: not knowing is not "missing"
                return Verdict.insufficientData(who + ": no readable certificate in " + p.recovery + " covers it, and "
                        + Labels.of(unread) + " there could not be read (" + g.why(unread, "acm") + ").");
            }
            if (partial != null) {
                return Verdict.nonCompliant(who + ": no certificate in " + p.recovery + " covers all its names; the closest, "
                        + Labels.of(partial) + ", lacks " + Text.join(partialMissing) + ".", null);
            }
            return Verdict.nonCompliant(who + ": no certificate in " + p.recovery + " covers " + Text.join(domains)
                    + ", so the recovery load balancers and API domains cannot serve HTTPS for it.", null);
        }

        /** The names of {@code domains} no name on {@code c} covers (wildcards cover exactly one label). */
        static List<String> uncovered(Set<String> domains, Resource c) {
            List<String> names = new ArrayList<>();
            if (c.str("domainName") != null) names.add(EdgeIndex.dns(c.str("domainName")));
            for (Object san : c.list("subjectAlternativeNames")) names.add(EdgeIndex.dns(san));
            List<String> missing = new ArrayList<>();
            for (String d : domains) {
                boolean ok = false;
                for (String n : names) if (covers(n, d)) { ok = true; break; }
                if (!ok) missing.add(d);
            }
            return missing;
        }

        /** {@code *.example.com} covers {@code a.example.com}, not {@code example.com} nor {@code a.b.example.com}. */
        static boolean covers(String name, String domain) {
            if (name.equals(domain)) return true;
            if (!name.startsWith("*.") || domain.startsWith("*.")) return false;
            String suffix = name.substring(1);
            if (!domain.endsWith(suffix)) return false;
            String label = domain.substring(0, domain.length() - suffix.length());
            return !label.isEmpty() && label.indexOf('.') < 0;
        }

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
}
