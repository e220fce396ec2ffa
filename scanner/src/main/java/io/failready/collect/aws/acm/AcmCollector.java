package io.failready.collect.aws.acm;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ACM certificates ({@code AWS::CertificateManager::Certificate}): domain names, status, type,
 * expiry, renewal eligibility and the resources that use them.
 *
 * <p>AWS calls / IAM actions: {@code acm:ListCertificates} (paginated, every key type: the API's
 * default filter returns only RSA_1024 and RSA_2048 certificates, so an ECDSA certificate would
 * otherwise look absent), {@code acm:DescribeCertificate} per certificate (the only source of
 * every subject alternative name and of {@code InUseBy}). A failed DescribeCertificate leaves the
 * certificate with its summary and a gap on it, never an empty domain list.
 */
public final class AcmCollector implements Collector {
    public static final String TYPE = "AWS::CertificateManager::Certificate";

    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("acm", AcmClient.class, AcmClient::builder)
            .operations("DescribeCertificate", "ListCertificates")
            .writes(TYPE, "ACM certificate")
            .regions(AcmClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        AcmClient acm = ctx.client(AcmClient.class);
        List<KeyAlgorithm> every = KeyAlgorithm.knownValues().stream().sorted().toList();
        var listed = ctx.call("acm:ListCertificates", () -> acm.listCertificatesPaginator(b -> b.includes(f -> f.keyTypes(every)))
                .certificateSummaryList().stream().toList());
        if (listed.isEmpty()) return;
        for (CertificateSummary s : listed.get()) {
            String arn = s.certificateArn();
            CertificateDetail d = ctx.callFor("acm:DescribeCertificate", TYPE, arn,
                    () -> acm.describeCertificate(b -> b.certificateArn(arn)).certificate()).orElse(null);
            ctx.add(TYPE, arn, s.domainName(), java.util.Map.of(), d == null ? summary(s) : detail(d));
        }
    }

    /** What the listing alone tells; subject alternative names may be cut short there, so they are left out. */
    private static java.util.Map<String, Object> summary(CertificateSummary s) {
        return Attrs.map("domainName", s.domainName(), "status", s.statusAsString(), "type", s.typeAsString(),
                "notAfter", iso(s.notAfter()), "renewalEligibility", s.renewalEligibilityAsString(),
                "keyAlgorithm", s.keyAlgorithmAsString(), "inUse", s.inUse());
    }

    private static java.util.Map<String, Object> detail(CertificateDetail d) {
        List<String> sans = new ArrayList<>(d.subjectAlternativeNames());
        List<String> users = d.inUseBy().stream().filter(Objects::nonNull).sorted().toList();
        return Attrs.map("domainName", d.domainName(), "subjectAlternativeNames", sans.stream().sorted().toList(),
                "status", d.statusAsString(), "type", d.typeAsString(), "notAfter", iso(d.notAfter()),
                "renewalEligibility", d.renewalEligibilityAsString(), "keyAlgorithm", d.keyAlgorithmAsString(),
                "inUse", !users.isEmpty(), "inUseBy", users);
    }

    private static String iso(Instant t) { return t == null ? null : t.toString(); }
}
