package io.failready.tooling.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in rule pack for benchmarking while the real 37-rule catalog is not in this branch:
 * {@link #COUNT} rules (4 DRL rules each: compliant, non-compliant, insufficient data) in the
 * catalog's own shape — {@code RegionPair} x one {@code Resource} type x the {@code GapIndex} and
 * {@code Counterparts} singletons, never a resource-to-resource join — judging presence of the
 * counterpart or parity of one attribute. Enough to load the engine, the compiler and the report
 * writers the way the catalog will; re-measure with the catalog (without this pack) after merging.
 */
public final class SyntheticRules {
    private SyntheticRules() {}

    /** type, attribute compared with the twin (null = presence only), section. */
    private record Spec(String type, String attr, String section) {
        /** The service whose gaps hide the type, as its collector declares it. */
        String service() { return io.failready.collect.aws.ResourceTypes.service(type); }
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("AWS::S3::Bucket", null, "data"),
            new Spec("AWS::S3::Bucket", "versioning", "data"),
            new Spec("AWS::S3::Bucket", "encryption.sseAlgorithm", "security"),
            new Spec("AWS::DynamoDB::Table", null, "data"),
            new Spec("AWS::DynamoDB::Table", "pitr", "data"),
            new Spec("AWS::DynamoDB::Table", "autoScaling.maxRead", "capacity"),
            new Spec("AWS::DynamoDB::Table", "billingMode", "capacity"),
            new Spec("AWS::RDS::DBCluster", null, "data"),
            new Spec("AWS::RDS::DBCluster", "writerInstanceClass", "capacity"),
            new Spec("AWS::RDS::DBInstance", null, "data"),
            new Spec("AWS::RDS::DBInstance", "dbInstanceClass", "capacity"),
            new Spec("AWS::SecretsManager::Secret", "rotationEnabled", "security"),
            new Spec("AWS::KMS::Key", null, "security"),
            new Spec("AWS::KMS::Key", "keyState", "security"),
            new Spec("AWS::KMS::Key", "policy", "security"),
            new Spec("AWS::Lambda::Function", null, "operations"),
            new Spec("AWS::Lambda::Function", "codeSha256", "operations"),
            new Spec("AWS::Lambda::Function", "reservedConcurrency", "capacity"),
            new Spec("AWS::ECS::Service", null, "capacity"),
            new Spec("AWS::ECS::Service", "autoScaling.maxCapacity", "capacity"),
            new Spec("AWS::AutoScaling::AutoScalingGroup", null, "capacity"),
            new Spec("AWS::AutoScaling::AutoScalingGroup", "maxSize", "capacity"),
            new Spec("AWS::ECR::Repository", null, "data"),
            new Spec("AWS::SSM::Parameter", null, "operations"),
            new Spec("AWS::SSM::Parameter", "type", "operations"),
            new Spec("AWS::CloudWatch::Alarm", null, "operations"),
            new Spec("AWS::GuardDuty::Detector", "status", "security"),
            new Spec("AWS::Config::ConfigurationRecorder", "recording", "security"),
            new Spec("AWS::SecurityHub::Hub", null, "security"),
            new Spec("AWS::Backup::BackupVault", null, "data"),
            new Spec("AWS::Backup::BackupVault", "locked", "data"),
            new Spec("AWS::ServiceQuotas::Quota", "value", "capacity"),
            new Spec("AWS::ECR::ReplicationConfiguration", null, "data"),
            new Spec("AWS::Backup::BackupPlan", null, "data"),
            new Spec("AWS::CloudTrail::Trail", "isLogging", "security"),
            new Spec("AWS::S3::Bucket", "replication.role", "data"));

    public static final int COUNT = SPECS.size();

    /** Writes the pack into {@code dir} (one folder per rule, like the catalog); returns the rule count. */
    public static int write(Path dir) throws IOException { return write(dir, SPECS.size()); }

    /** Writes the first {@code count} rules of the pack. */
    public static int write(Path dir, int count) throws IOException {
        for (int i = 0; i < Math.min(count, SPECS.size()); i++) {
            Spec s = SPECS.get(i);
            String id = String.format("BENCH_%02d_%s", i + 1, s.type().replaceAll("^AWS::", "").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase());
            Path ruleDir = Files.createDirectories(dir.resolve(id));
            Files.writeString(ruleDir.resolve(id + ".drl"), drl(id, s, i));
            Files.writeString(ruleDir.resolve(id + ".md"), "# " + id + "\n\nSynthetic benchmark rule (failready bench).\n");
        }
        return Math.min(count, SPECS.size());
    }

    private static String drl(String id, Spec s, int i) {
        String severity = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW").get(i % 4);
        String judge = s.attr() == null ? "true"
                : "java.util.Objects.equals($s.get(\"" + s.attr() + "\"), $cp.of($s, $p.recovery).get(\"" + s.attr() + "\"))";
        String what = s.attr() == null ? "has a counterpart" : "matches its counterpart on " + s.attr();
        String head = """
                package rules.bench;

                import io.failready.facts.Resource;
                import io.failready.facts.RegionPair;
                import io.failready.facts.GapIndex;
                import io.failready.facts.Counterparts;
                import io.failready.rules.api.Verdict;
                import function io.failready.rules.api.Judge.judge;

                """;
        String when = """
                    $p : RegionPair()
                    $s : Resource( resourceType == "%s", inScope, awsRegion == $p.primary )
                """.formatted(s.type());
        String seen = "    GapIndex( !missingFor($s, \"%1$s\"), !missing($s.accountId, $p.recovery, \"%1$s\") )\n".formatted(s.service());
        return head
                + "rule \"" + id + "\"\n"
                + "    @id(\"" + id + "\")\n"
                + "    @title(\"Synthetic: " + s.type() + " " + what + "\")\n"
                + "    @section(\"" + s.section() + "\")\n"
                + "    @severity(\"" + severity + "\")\n"
                + "    @resourceType(\"" + s.type() + "\")\n"
                + "when\n" + when + seen
                + "    $cp : Counterparts()\n"
                + "    eval( $cp.has($s, $p.recovery) && " + judge + " )\n"
                + "then\n"
                + "    judge(kcontext, $p, $s, Verdict.compliant($s.getName() + \" " + what + " in \" + $p.getRecovery() + \".\", $cp.of($s, $p.recovery)));\n"
                + "end\n\n"
                + "rule \"" + id + " - non compliant\"\n"
                + "when\n" + when + seen
                + "    $cp : Counterparts()\n"
                + "    eval( !($cp.has($s, $p.recovery) && " + judge + ") )\n"
                + "then\n"
                + "    judge(kcontext, $p, $s, Verdict.nonCompliant($s.getName() + \" does not " + what.replace("has", "have").replace("matches", "match")
                + " in \" + $p.getRecovery() + \".\", $cp.of($s, $p.recovery)));\n"
                + "end\n\n"
                + "rule \"" + id + " - insufficient data\"\n"
                + "when\n" + when
                + "    $g : GapIndex( missingFor($s, \"" + s.service() + "\") || missing($s.accountId, $p.recovery, \"" + s.service() + "\") )\n"
                + "then\n"
                + "    judge(kcontext, $p, $s, Verdict.insufficientData($s.getName() + \": \" + $g.why($s, \"" + s.service() + "\") + \".\"));\n"
                + "end\n";
    }
}
