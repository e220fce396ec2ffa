package io.failready.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.evaluate.FixtureRunner;
import io.failready.evaluate.RuleEngine;
import io.failready.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Fails the build on bad catalog metadata, the way PMD's rule-set test and Prowler's validators do:
 * every checklist id exists with its section and severity, every rule's folder, file, DRL name and
 * @id agree, titles are short statements of the good state, every rule has its document with the
 * fixed headings and fixtures for compliant, non-compliant and insufficient-data outcomes, and
 * profiles and mappings only name existing rules.
 */
class RuleCatalogTest {
    static final Path RULES = Path.of("..", "rules");
    static RuleCatalog catalog;

    static final Set<String> KNOWN_TYPES = Set.of(
            "AWS::::Account", "AWS::ApiGatewayV2::DomainName", "AWS::AutoScaling::AutoScalingGroup", "AWS::Backup::BackupPlan", "AWS::Backup::BackupVault",
            "AWS::CertificateManager::Certificate", "AWS::CloudFront::Distribution", "AWS::CloudTrail::Trail", "AWS::CloudWatch::Alarm", "AWS::Config::ConfigurationRecorder", "AWS::DynamoDB::Table",
            "AWS::EC2::VPC", "AWS::ECR::Repository", "AWS::ECR::ReplicationConfiguration", "AWS::ECS::Service", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::GuardDuty::Detector",
            "AWS::IAM::Role", "AWS::KMS::Key", "AWS::Lambda::Function", "AWS::RDS::DBCluster", "AWS::RDS::DBInstance",
            "AWS::Route53::HealthCheck", "AWS::Route53::HostedZone", "AWS::Route53::RecordSet", "AWS::S3::Bucket",
            "AWS::SSM::Parameter", "AWS::SecretsManager::Secret", "AWS::SecurityHub::Hub", "AWS::ServiceQuotas::Quota",
            "Failready::CloudWatch::ReplicationLag", "Failready::Workload",
            "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::EFS::FileSystem", "AWS::ElastiCache::ReplicationGroup", "AWS::Events::Rule",
            "AWS::EKS::Cluster", "AWS::DocDB::DBCluster", "AWS::Neptune::DBCluster", "AWS::ARCRegionSwitch::Plan");

    static final List<String> DOC_HEADINGS = List.of("## Rationale", "## Risk", "## Remediation", "## Parameters", "## Related rules");

    @BeforeAll
    static void read() { catalog = RuleCatalog.read(RuleSources.only(List.of(RULES))); }

    @Test
    void everyChecklistRuleExistsWithItsSectionAndSeverity() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/checklist-catalog.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.split("\t");
            RuleMetadata m = catalog.get(f[0]);
            if (m == null) { problems.add(f[0] + " is missing"); continue; }
            if (!m.section().equals(f[1])) problems.add(f[0] + " is in section " + m.section() + ", checklist says " + f[1]);
            if (!m.severity().name().equals(f[2])) problems.add(f[0] + " has severity " + m.severity() + ", checklist says " + f[2]);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyRuleIsConsistentlyNamedAndDocumented() throws IOException {
        List<String> problems = new ArrayList<>();
        for (RuleMetadata m : catalog.rules().values()) {
            Path drl = m.drlFile();
            String folder = drl.getParent().getFileName().toString();
            if (!folder.equals(m.id())) problems.add(m.id() + ": folder is " + folder);
            if (!drl.getFileName().toString().equals(m.id() + ".drl")) problems.add(m.id() + ": file is " + drl.getFileName());
            if (!drl.getParent().getParent().getFileName().toString().equals(m.section())) {
                problems.add(m.id() + ": lives under " + drl.getParent().getParent().getFileName() + "/, section is " + m.section());
            }
            if (m.title().length() > 150) problems.add(m.id() + ": title longer than 150 characters");
            if (m.title().toLowerCase().startsWith("ensure")) problems.add(m.id() + ": title starts with 'Ensure'");
            // a rule judging several types lists them comma-separated, most important first
            for (String t : m.resourceType().split(",")) {
                if (!KNOWN_TYPES.contains(t.trim())) problems.add(m.id() + ": unknown resource type " + t.trim());
            }
            String text = Files.readString(drl);
            if (!text.contains("package rules." + m.section() + ";")) problems.add(m.id() + ": DRL package is not rules." + m.section());
            if (!text.substring(0, text.indexOf("rule \"")).contains("Scenarios")) problems.add(m.id() + ": DRL header lacks the scenario list");
            Path doc = m.docFile();
            if (!Files.exists(doc)) {
                problems.add(m.id() + ": no " + doc.getFileName());
            } else {
                String md = Files.readString(doc);
                for (String h : DOC_HEADINGS) if (!md.contains(h + "\n")) problems.add(m.id() + ": document lacks '" + h + "'");
                for (String p : m.parameters().keySet()) if (!md.contains(p)) problems.add(m.id() + ": document does not explain parameter " + p);
            }
            Path fixtures = drl.resolveSibling("fixtures");
            // a rule that reads only the configuration declares @inputs("configuration"): it cannot lack data
            boolean configOnly = text.contains("@inputs(\"configuration\")");
            for (String outcome : configOnly ? List.of("compliant-", "non_compliant-") : List.of("compliant-", "non_compliant-", "insufficient_data-")) {
                boolean has;
                try (Stream<Path> s = Files.exists(fixtures) ? Files.list(fixtures) : Stream.empty()) {
                    has = s.anyMatch(p -> p.getFileName().toString().startsWith(outcome));
                }
                if (!has) problems.add(m.id() + ": no " + outcome + "* fixture");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void fixtureFilesAreNamedByOutcome() throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> s = Files.walk(RULES)) {
            s.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("fixtures"))
                    .forEach(p -> {
                        String n = p.getFileName().toString();
                        if (!n.endsWith(".json") || FixtureRunner.OUTCOME_PREFIXES.stream().noneMatch(n::startsWith)) bad.add(RULES.relativize(p).toString());
                    });
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void profilesAndMappingsNameOnlyExistingRulesInSortedLists() throws IOException {
        List<String> problems = new ArrayList<>();
        // building the engine validates every profile against the rules' declared parameters
        RuleEngine.load(List.of());
        try (Stream<Path> s = Files.list(RULES.resolve("mappings"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode t;
                try (InputStream in = Files.newInputStream(f)) {
                    t = Json.readLocated(in, f.toString(), true);
                }
                List<JsonNode> lists = new ArrayList<>();
                if (t.has("rules")) lists.add(t.get("rules"));
                for (JsonNode c : t.path("controls")) lists.add(c.path("rules"));
                for (JsonNode list : lists) {
                    List<String> ids = new ArrayList<>();
                    list.forEach(n -> ids.add(n.asText()));
                    for (String id : ids) if (!catalog.contains(id)) problems.add(f.getFileName() + ": unknown rule " + id);
                    List<String> sorted = new ArrayList<>(ids);
                    sorted.sort(null);
                    if (!sorted.equals(ids)) problems.add(f.getFileName() + ": list not sorted: " + ids);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyChecklistRuleIsMappedToAWellArchitectedPractice() throws IOException {
        Path f = RULES.resolve("mappings/well-architected-reliability.yaml");
        assertTrue(Files.exists(f), "missing " + f);
        Map<String, Integer> mapped = new TreeMap<>();
        try (InputStream in = Files.newInputStream(f)) {
            for (JsonNode c : Json.readLocated(in, f.toString(), true).path("controls")) {
                for (JsonNode r : c.path("rules")) mapped.merge(r.asText(), 1, Integer::sum);
            }
        }
        List<String> unmapped = catalog.rules().keySet().stream().filter(id -> !mapped.containsKey(id)).toList();
        assertEquals(List.of(), unmapped);
    }
}
