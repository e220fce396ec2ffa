package io.failready.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportOrderTest {
    /** The order as the report contract states it, spelled with Comparator combinators. */
    private static final Comparator<Evaluation> STATED = Comparator
            .comparing(Evaluation::getSeverity, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Evaluation::getRuleId)
            .thenComparing(e -> Objects.toString(e.getAccountId(), ""))
            .thenComparing(e -> Objects.toString(e.getRegion(), ""))
            .thenComparing(e -> Objects.toString(e.getResourceId(), ""))
            .thenComparing(e -> Objects.toString(e.getRecoveryRegion(), ""));

    private static String pick(Random r, String... values) { return values[r.nextInt(values.length)]; }

    @Test
    void reportOrderAgreesWithTheStatedOrderOnEveryPairNullsAndEmptiesIncluded() {
        Random r = new Random(7);
        List<Evaluation> evals = new ArrayList<>();
        Severity[] sev = {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, null};
        for (int i = 0; i < 400; i++) {
            evals.add(new Evaluation(pick(r, "A_RULE", "B_RULE", "A_RULE2"), null, sev[r.nextInt(sev.length)],
                    ComplianceType.COMPLIANT, "AWS::S3::Bucket", pick(r, null, "", "arn:1", "arn:2"), "n",
                    pick(r, null, "", "111111111111", "222222222222"), pick(r, null, "", "us-east-1", "global"),
                    pick(r, null, "", "eu-west-1", "us-west-2"), null, null, null));
        }
        for (Evaluation a : evals) {
            for (Evaluation b : evals) {
                assertEquals(Integer.signum(STATED.compare(a, b)), Integer.signum(Evaluation.REPORT_ORDER.compare(a, b)),
                        a + " vs " + b);
            }
        }
    }
}
