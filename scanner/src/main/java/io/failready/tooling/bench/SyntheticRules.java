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

    /** type, service (for gaps), attribute compared with the twin (null = presence only), section. */
    private record Spec(String type, String service, String attr, String section) {}

    private static final List<Spec> SPECS = List.of(
            new Spec("AWS::S3::Bucket", "s3", null, "data"),
            new Spec("AWS::S3::Bucket", "s3", "versioning", "data"),
            new Spec("AWS::S3::Bucket", "s3", "encryption.sseAlgorithm", "security"),
            new Spec("AWS::DynamoDB::Table", "dynamodb", null, "data"),
            new Spec("AWS::DynamoDB::Table", "dynamodb", "pitr", "data"),
            new Spec("AWS::DynamoDB::Table", "dynamodb", "autoScaling.maxRead", "capacity"),
            new Spec("AWS::DynamoDB::Table", "dynamodb", "billingMode", "capacity"),
            new Spec("AWS::RDS::DBCluster", "rds", null, "data"),
            new Spec("AWS::RDS::DBCluster", "rds", "writerInstanceClass", "capacity"),
            new Spec("AWS::RDS::DBInstance", "rds", null, "data"),
            new Spec("AWS::RDS::DBInstance", "rds", "dbInstanceClass", "capacity"),
            new Spec("AWS::SecretsManager::Secret", "secretsmanager", "rotationEnabled", "security"),
            new Spec("AWS::KMS::Key", "kms", null, "security"),
            new Spec("AWS::KMS::Key", "kms", "keyState", "security"),
            new Spec("AWS::KMS::Key", "kms", "policy", "security"),
            new Spec("AWS::Lambda::Function", "lambda", null, "operations"),
            new Spec("AWS::Lambda::Function", "lambda", "codeSha256", "operations"),
            new Spec("AWS::Lambda::Function", "lambda", "reservedConcurrency", "capacity"),
            new Spec("AWS::ECS::Service", "ecs", null, "capacity"),
            new Spec("AWS::ECS::Service", "ecs", "autoScaling.maxCapacity", "capacity"),
            new Spec("AWS::AutoScaling::AutoScalingGroup", "autoscaling", null, "capacity"),
            new Spec("AWS::AutoScaling::AutoScalingGroup", "autoscaling", "maxSize", "capacity"),
            new Spec("AWS::ECR::Repository", "ecr", null, "data"),
            new Spec("AWS::SSM::Parameter", "ssm", null, "operations"),
            new Spec("AWS::SSM::Parameter", "ssm", "type", "operations"),
            new Spec("AWS::CloudWatch::Alarm", "cloudwatch", null, "operations"),
            new Spec("AWS::GuardDuty::Detector", "guardduty", "status", "security"),
            new Spec("AWS::Config::ConfigurationRecorder", "config", "recording", "security"),
            new Spec("AWS::SecurityHub::Hub", "securityhub", null, "security"),
            new Spec("AWS::Backup::BackupVault", "backup", null, "data"),
            new Spec("AWS::Backup::BackupVault", "backup", "locked", "data"),
            new Spec("AWS::ServiceQuotas::Quota", "servicequotas", "value", "capacity"),
            new Spec("AWS::ECR::ReplicationConfiguration", "ecr", null, "data"),
            new Spec("AWS::Backup::BackupPlan", "backup", null, "data"),
            new Spec("AWS::CloudTrail::Trail", "cloudtrail", "isLogging", "security"),
            new Spec("AWS::S3::Bucket", "s3", "replication.role", "data"));

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
                import function io.failready.rules.api.Judge.compliant;
                import function io.failready.rules.api.Judge.nonCompliant;
                import function io.failready.rules.api.Judge.insufficientData;

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
                + "    compliant(kcontext, $p, $s, $cp.of($s, $p.recovery), $s.getName() + \" " + what + " in \" + $p.getRecovery() + \".\");\n"
                + "end\n\n"
                + "rule \"" + id + " - non compliant\"\n"
                + "when\n" + when + seen
                + "    $cp : Counterparts()\n"
                + "    eval( !($cp.has($s, $p.recovery) && " + judge + ") )\n"
                + "then\n"
                + "    nonCompliant(kcontext, $p, $s, $cp.of($s, $p.recovery), $s.getName() + \" does not " + what.replace("has", "have").replace("matches", "match")
                + " in \" + $p.getRecovery() + \".\");\n"
                + "end\n\n"
                + "rule \"" + id + " - insufficient data\"\n"
                + "when\n" + when
                + "    $g : GapIndex( missingFor($s, \"" + s.service() + "\") || missing($s.accountId, $p.recovery, \"" + s.service() + "\") )\n"
                + "then\n"
                + "    insufficientData(kcontext, $p, $s, null, $s.getName() + \": \" + $g.why($s, \"" + s.service() + "\") + \".\");\n"
                + "end\n";
    }
}
