package io.failready.rules.api;

import io.failready.facts.GapIndex;
import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Hash lookups over the resources the traffic-edge rules read besides their subject: certificates
 * by region and by the load balancers and API custom domains that use them, target groups by
 * load balancer, load balancers by VPC, APIs by id, buckets by name. Built once per session by the
 * engine ({@code io.failready.evaluate.Indexes}), so each judgement is a few map reads instead of a join.
 */
public final class EdgeIndex {
    public static final String CERTIFICATE = "AWS::CertificateManager::Certificate";
    public static final String LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";
    public static final String TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";
    public static final String DOMAIN = "AWS::ApiGatewayV2::DomainName";
    public static final String REST_API = "AWS::ApiGateway::RestApi";
    public static final String HTTP_API = "AWS::ApiGatewayV2::Api";
    public static final String DISTRIBUTION = "AWS::CloudFront::Distribution";
    public static final String VPC = "AWS::EC2::VPC";
    public static final String BUCKET = "AWS::S3::Bucket";
    public static final String AUTO_SCALING_GROUP = "AWS::AutoScaling::AutoScalingGroup";

    /** The resource types indexed; the others are skipped. */
    public static final Set<String> TYPES = Set.of(CERTIFICATE, LOAD_BALANCER, TARGET_GROUP, DOMAIN, REST_API, HTTP_API, VPC, BUCKET, AUTO_SCALING_GROUP);

    private final Map<String, Resource> byId = new HashMap<>();
    private final Map<String, List<Resource>> certsByRegion = new HashMap<>();
    private final Map<String, List<Resource>> certUsers = new HashMap<>();
    private final Map<String, List<Resource>> targetGroupsByLb = new HashMap<>();
    private final Map<String, List<Resource>> lbsByVpc = new HashMap<>();
    private final Map<String, Resource> apis = new HashMap<>();
    private final Map<String, List<Resource>> apisByName = new HashMap<>();
    private final Map<String, Resource> bucketsByName = new HashMap<>();
    private final Map<String, List<Resource>> groupsByTargetGroup = new HashMap<>();
    private final Map<String, List<Resource>> byTypeRegion = new HashMap<>();
    /** "type|region" -> name -> resources, each list in the order of {@link #byTypeRegion}; built on the first {@link #twin}. */
    private volatile Map<String, Map<String, List<Resource>>> byTypeRegionName;
    /** tag key -> "type|region" -> tag value -> resources, as {@link #byTypeRegionName}. */
    private final Map<String, Map<String, Map<String, List<Resource>>>> byTypeRegionTag = new ConcurrentHashMap<>();
    /** region -> DNS name on a certificate (domain name or SAN, as {@link #dns}) -> positions in {@link #certificates}, ascending. */
    private final Map<String, Map<String, int[]>> certPositionsByName = new HashMap<>();
    /** region -> the certificates there whose ACM data has a gap, with the gap index they were found with. */
    private final Map<String, CertificateGaps> certGaps = new ConcurrentHashMap<>();

    private record CertificateGaps(GapIndex gaps, String service, List<Resource> certificates) {}

    public EdgeIndex(Collection<?> resources) {
        for (Object o : resources) {
            if (!(o instanceof Resource r) || !TYPES.contains(r.getResourceType())) continue;
            byId.put(r.getResourceId(), r);
            byTypeRegion.computeIfAbsent(r.getResourceType() + "|" + r.getAwsRegion(), k -> new ArrayList<>()).add(r);
            switch (r.getResourceType()) {
                case CERTIFICATE -> certsByRegion.computeIfAbsent(r.getAwsRegion(), k -> new ArrayList<>()).add(r);
                case LOAD_BALANCER -> {
                    for (Map<String, Object> l : r.maps("listeners")) {
                        Object certs = l.get("certificateArns");
                        if (certs instanceof List<?> list) for (Object c : list) addUser(String.valueOf(c), r);
                    }
                    if (r.str("vpcId") != null) lbsByVpc.computeIfAbsent(key(r.getAccountId(), r.getAwsRegion(), r.str("vpcId")), k -> new ArrayList<>()).add(r);
                }
                case TARGET_GROUP -> {
                    for (Object lb : r.list("loadBalancerArns")) targetGroupsByLb.computeIfAbsent(String.valueOf(lb), k -> new ArrayList<>()).add(r);
                }
                case DOMAIN -> { if (r.str("certificateArn") != null) addUser(r.str("certificateArn"), r); }
                case REST_API, HTTP_API -> {
                    apis.put(key(r.getAccountId(), r.getAwsRegion(), r.str("apiId")), r);
                    apisByName.computeIfAbsent(key(r.getAccountId(), r.getAwsRegion(), r.getResourceName()), k -> new ArrayList<>()).add(r);
                }
                case BUCKET -> bucketsByName.put(r.getResourceName(), r);
                case AUTO_SCALING_GROUP -> {
                    for (Object tg : r.list("targetGroupArns")) groupsByTargetGroup.computeIfAbsent(String.valueOf(tg), k -> new ArrayList<>()).add(r);
                }
                default -> { }
            }
        }
        certsByRegion.forEach((region, certs) -> certPositionsByName.put(region, positionsByName(certs)));
    }

    private static Map<String, int[]> positionsByName(List<Resource> certs) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < certs.size(); i++) {
            for (String n : certificateNames(certs.get(i))) {
                List<Integer> at = lists.computeIfAbsent(n, k -> new ArrayList<>(1));
                // a name listed as both domain name and SAN is one name of the certificate
                if (at.isEmpty() || at.get(at.size() - 1) != i) at.add(i);
            }
        }
        Map<String, int[]> out = new HashMap<>(lists.size() * 2);
        lists.forEach((n, at) -> out.put(n, at.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    private void addUser(String certArn, Resource user) {
        List<Resource> users = certUsers.computeIfAbsent(certArn, k -> new ArrayList<>());
        if (!users.contains(user)) users.add(user);
    }

    private static String key(String account, String region, String id) { return account + "|" + region + "|" + id; }

    public Resource byId(String id) { return id == null ? null : byId.get(id); }

    /** Certificates collected in {@code region}, every account. */
    public List<Resource> certificates(String region) { return certsByRegion.getOrDefault(region, List.of()); }

    /** The certificate's domain name and subject alternative names, as {@link #dns}, in that order (repeats kept). */
    public static List<String> certificateNames(Resource cert) {
        List<String> names = new ArrayList<>();
        if (cert.str("domainName") != null) names.add(dns(cert.str("domainName")));
        for (Object san : cert.list("subjectAlternativeNames")) names.add(dns(san));
        return names;
    }

    /**
     * The certificate names that cover {@code domain} (both as {@link #dns}): the name itself and, unless it is a
     * wildcard, the wildcard one label up. {@code *.example.com} covers {@code a.example.com}, not
     * {@code example.com} nor {@code a.b.example.com}; a wildcard is covered only by the same wildcard.
     */
    public static List<String> namesCovering(String domain) {
        int dot = domain.indexOf('.');
        if (domain.startsWith("*.") || dot <= 0) return List.of(domain);
        return List.of(domain, "*" + domain.substring(dot));
    }

    /** A certificate name covers a domain (see {@link #namesCovering}). */
    public static boolean covers(String name, String domain) { return namesCovering(domain).contains(name); }

    /**
     * Positions in {@link #certificates(String) certificates(region)}, ascending and without repeats, of the
     * certificates with a name that covers {@code domain} (as {@link #dns}): a hash lookup per covering name, so
     * matching a certificate costs what matches it, not every certificate of the organization.
     */
    public int[] certificatesCovering(String region, String domain) {
        Map<String, int[]> names = certPositionsByName.getOrDefault(region, Map.of());
        List<String> keys = namesCovering(domain);
        int[] exact = names.getOrDefault(keys.get(0), new int[0]);
        if (keys.size() == 1) return exact;
        int[] wild = names.getOrDefault(keys.get(1), new int[0]);
        if (wild.length == 0) return exact;
        if (exact.length == 0) return wild;
        return IntStream.concat(IntStream.of(exact), IntStream.of(wild)).sorted().distinct().toArray();
    }

    /**
     * The certificates in {@code region} whose {@code service} data has a gap ({@link GapIndex#missingFor}), in the
     * order of {@link #certificates(String)}. Worked out once per region and gap index, since a session has one.
     */
    public List<Resource> certificatesWithGap(String region, GapIndex gaps, String service) {
        CertificateGaps known = certGaps.get(region);
        if (known != null && known.gaps() == gaps && known.service().equals(service)) return known.certificates();
        List<Resource> out = new ArrayList<>();
        for (Resource c : certificates(region)) if (gaps.missingFor(c, service)) out.add(c);
        List<Resource> found = List.copyOf(out);
        certGaps.put(region, new CertificateGaps(gaps, service, found));
        return found;
    }

    /** Load balancers (listener certificates) and API custom domains that name the certificate. */
    public List<Resource> certificateUsers(Resource cert) {
        List<Resource> out = new ArrayList<>(certUsers.getOrDefault(cert.getResourceId(), List.of()));
        for (Object arn : cert.list("inUseBy")) {
            Resource u = byId.get(String.valueOf(arn));
            if (u != null && !out.contains(u)) out.add(u);
        }
        return out;
    }

    /** The certificate is in use by an in-scope load balancer or API custom domain. */
    public boolean usedInScope(Resource cert) {
        for (Resource u : certificateUsers(cert)) if (u.isInScope()) return true;
        return false;
    }

    public List<Resource> targetGroups(Resource loadBalancer) { return targetGroupsByLb.getOrDefault(loadBalancer.getResourceId(), List.of()); }

    /** Auto Scaling groups attached to the target group (they register its targets as they scale out). */
    public List<Resource> autoScalingGroups(Resource targetGroup) { return groupsByTargetGroup.getOrDefault(targetGroup.getResourceId(), List.of()); }

    public List<Resource> loadBalancersIn(Resource vpc) {
        return lbsByVpc.getOrDefault(key(vpc.getAccountId(), vpc.getAwsRegion(), vpc.str("vpcId")), List.of());
    }

    /** The VPC holds an in-scope load balancer. */
    public boolean holdsInScope(Resource vpc) {
        for (Resource lb : loadBalancersIn(vpc)) if (lb.isInScope()) return true;
        return false;
    }

    /** The REST or HTTP API with that id in the account and region, or null. */
    public Resource api(String account, String region, String apiId) { return apis.get(key(account, region, apiId)); }

    public List<Resource> apisNamed(String account, String region, String name) { return apisByName.getOrDefault(key(account, region, name), List.of()); }

    /** A domain name's mapping reaches an in-scope API. */
    public boolean mapsInScopeApi(Resource domain) {
        for (Map<String, Object> m : domain.maps("apiMappings")) {
            Resource api = api(domain.getAccountId(), domain.getAwsRegion(), String.valueOf(m.get("apiId")));
            if (api != null && api.isInScope()) return true;
        }
        return false;
    }

    public Resource bucketNamed(String name) { return name == null ? null : bucketsByName.get(name); }

    /**
     * The twin of {@code r} in {@code region} for resources the counterpart matcher did not pair
     * (it pairs in-scope resources only; a VPC or an API is judged because of what it holds or
     * serves): the same order as the matcher without the service link, which these types lack:
     * logical-id tag, same name, name with the region's tokens swapped. Same account first.
     */
    public Resource twin(Resource r, String region, String tagKey) {
        // Hash lookups by tag value and by name, not a pass over every resource of the type in the region: a VPC
        // or an API judged without a counterpart would otherwise cost the size of the whole organization.
        String where = r.getResourceType() + "|" + region;
        String tag = tagKey == null ? null : r.tag(tagKey);
        Resource found = tag == null ? null : sameAccountFirst(r, byTypeRegionTag(tagKey).getOrDefault(where, Map.of()).get(tag));
        String name = r.getResourceName();
        Map<String, List<Resource>> named = byTypeRegionName().getOrDefault(where, Map.of());
        if (found == null && name != null && !name.equals(r.getResourceId())) found = sameAccountFirst(r, named.get(name));
        if (found == null) {
            String translated = io.failready.facts.RegionTokens.translate(name, r.getAwsRegion(), region);
            if (translated != null) found = sameAccountFirst(r, named.get(translated));
        }
        return found;
    }

    /** The candidate in {@code r}'s account, else the one in the lowest account id; the first listed breaks ties. */
    private static Resource sameAccountFirst(Resource r, List<Resource> candidates) {
        if (candidates == null) return null;
        Resource best = null;
        for (Resource c : candidates) {
            if (c.getAccountId().equals(r.getAccountId())) return c;
            if (best == null || c.getAccountId().compareTo(best.getAccountId()) < 0) best = c;
        }
        return best;
    }

    private Map<String, Map<String, List<Resource>>> byTypeRegionName() {
        Map<String, Map<String, List<Resource>>> m = byTypeRegionName;
        if (m == null) {
            synchronized (this) {
                m = byTypeRegionName;
                if (m == null) byTypeRegionName = m = groupByTypeRegion(c -> c.getResourceName());
            }
        }
        return m;
    }

    private Map<String, Map<String, List<Resource>>> byTypeRegionTag(String tagKey) {
        return byTypeRegionTag.computeIfAbsent(tagKey, k -> groupByTypeRegion(c -> c.tag(k)));
    }

    private Map<String, Map<String, List<Resource>>> groupByTypeRegion(java.util.function.Function<Resource, String> value) {
        Map<String, Map<String, List<Resource>>> out = new HashMap<>();
        byTypeRegion.forEach((typeRegion, list) -> {
            Map<String, List<Resource>> byValue = new HashMap<>();
            for (Resource c : list) {
                String v = value.apply(c);
                if (v != null) byValue.computeIfAbsent(v, k -> new ArrayList<>(1)).add(c);
            }
            out.put(typeRegion, byValue);
        });
        return out;
    }

    /** Lower case, without a trailing dot: DNS names compare case-insensitively. */
    public static String dns(Object name) {
        String s = String.valueOf(name).trim().toLowerCase(Locale.ROOT);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
