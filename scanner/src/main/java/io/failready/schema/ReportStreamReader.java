package io.failready.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.failready.facts.CollectionGap;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.model.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path of {@code report.ReportReader}: one pass of jackson-core tokens, checked against
 * {@code report.schema.json} by {@link StreamSchema} and bound to {@link Report} as they go, with
 * no tree and no databind. The gate reads a report on every pipeline run and in the failover
 * runbook, and on a 10k-resource report building a tree, validating it with networknt and binding
 * it cost more than everything else the gate does. Anything in doubt throws
 * {@link StreamSchema.Mismatch}, and ReportReader then reads the file the slow, worded way.
 * ReportStreamReaderTest checks the two paths bind the same report, FastPathParityTest that they
 * accept and refuse the same documents with the same error.
 */
public final class ReportStreamReader {
    private static final class Holder {
        static final StreamSchema SCHEMA = StreamSchema.bundled("report.schema.json");
        // duplicate keys refused as Json.strict does; not through Json, whose mappers and schema
        // registry would cost the gate's fast path ~0.4 s of class loading
        static final JsonFactory FACTORY = JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    private final JsonParser p;
    private final StreamSchema.Checker check;
    private JsonToken t;

    private ReportStreamReader(JsonParser p) {
        this.p = p;
        this.check = Holder.SCHEMA.checker();
    }

    /** The report, or {@link StreamSchema.Mismatch} when the slow path must decide. */
    public static Report read(InputStream in) throws IOException {
        return read(Holder.FACTORY.createParser(in));
    }

    /** A whole file in memory parses without refilling buffers (reports up to a few hundred MB). */
    public static Report read(byte[] json) throws IOException {
        return read(Holder.FACTORY.createParser(json));
    }

    private static Report read(JsonParser parser) throws IOException {
        try (JsonParser p = parser) {
            ReportStreamReader r = new ReportStreamReader(p);
            r.next();
            Report report = r.report();
            if (p.nextToken() != null || !r.check.complete()) throw StreamSchema.mismatch();
            return report;
        }
    }

    private JsonToken next() throws IOException {
        t = p.nextToken();
        if (t == null) throw StreamSchema.mismatch();
        check.token(t, p);
        return t;
    }

    /** At START_OBJECT: true while there is another field (the parser is then on its value). */
    private boolean field() throws IOException {
        if (next() == JsonToken.END_OBJECT) return false;
        next();
        return true;
    }

    private String name() throws IOException { return p.currentName(); }

    private boolean isNull() { return t == JsonToken.VALUE_NULL; }

    private void object() {
        if (t != JsonToken.START_OBJECT) throw StreamSchema.mismatch();
    }

    private void skip() throws IOException {
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return;
        int depth = 1;
        while (depth > 0) {
            JsonToken x = next();
            if (x == JsonToken.START_OBJECT || x == JsonToken.START_ARRAY) depth++;
            else if (x == JsonToken.END_OBJECT || x == JsonToken.END_ARRAY) depth--;
        }
    }

    private String str() throws IOException {
        if (t == JsonToken.VALUE_STRING) return p.getText();
        if (t == JsonToken.VALUE_NULL) return null;
        throw StreamSchema.mismatch();
    }

    private Double dbl() throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return p.getDoubleValue();
        if (t == JsonToken.VALUE_NULL) return null;
        throw StreamSchema.mismatch();
    }

    private Long lng() throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        if (t == JsonToken.VALUE_NULL) return null;
        throw StreamSchema.mismatch();
    }

    private long lng0() throws IOException {
        Long v = lng();
        return v == null ? 0 : v;
    }

    private boolean bool() {
        if (t == JsonToken.VALUE_TRUE) return true;
        if (t == JsonToken.VALUE_FALSE) return false;
        throw StreamSchema.mismatch();
    }

    private List<String> strings() throws IOException {
        if (isNull()) return null;
        if (t != JsonToken.START_ARRAY) throw StreamSchema.mismatch();
        List<String> out = new ArrayList<>();
        while (next() != JsonToken.END_ARRAY) out.add(str());
        return out;
    }

    private interface Item<T> { T read() throws IOException; }

    private <T> List<T> list(Item<T> item) throws IOException {
        if (isNull()) return null;
        if (t != JsonToken.START_ARRAY) throw StreamSchema.mismatch();
        List<T> out = new ArrayList<>();
        while (next() != JsonToken.END_ARRAY) out.add(item.read());
        return out;
    }

    private <T> Map<String, T> map(Item<T> value) throws IOException {
        if (isNull()) return null;
        object();
        Map<String, T> out = new LinkedHashMap<>();
        while (field()) out.put(name(), value.read());
        return out;
    }

    private Report report() throws IOException {
        object();
        String schemaVersion = null, generatedAt = null, asOf = null;
        Report.Tool tool = null;
        Report.Sources sources = null;
        List<Report.RuleRef> rules = null;
        List<Report.WorkloadReport> workloads = null;
        List<CollectionGap> gaps = null;
        Report.Summary summary = null;
        List<Report.AccountName> names = null;
        while (field()) {
            switch (name()) {
                case "schemaVersion" -> schemaVersion = str();
                case "tool" -> tool = tool();
                case "generatedAt" -> generatedAt = str();
                case "asOf" -> asOf = str();
                case "sources" -> sources = sources();
                case "rules" -> rules = list(this::rule);
                case "workloads" -> workloads = list(this::workload);
                case "collectionGaps" -> gaps = list(this::gap);
                case "accounts" -> names = list(this::accountName);
                case "summary" -> summary = summary();
                default -> skip();
            }
        }
        // absent or null stays null, as the reference (Jackson) reader has it
        return new Report(schemaVersion, tool, generatedAt, asOf, sources, rules, workloads, gaps, summary, names);
    }

    private Report.Tool tool() throws IOException {
        if (isNull()) return null;
        object();
        String name = null, version = null;
        while (field()) {
            switch (name()) {
                case "name" -> name = str();
                case "version" -> version = str();
                default -> skip();
            }
        }
        return new Report.Tool(name, version);
    }

    private Report.Sources sources() throws IOException {
        if (isNull()) return null;
        object();
        Report.Source snapshot = null, config = null, rules = null;
        Map<String, String> window = null;
        Report.BaselineSource baseline = null;
        while (field()) {
            switch (name()) {
                case "snapshot" -> snapshot = source();
                case "config" -> config = source();
                case "rules" -> rules = source();
                case "collectionWindow" -> window = map(this::str);
                case "baseline" -> baseline = baselineSource();
                default -> skip();
            }
        }
        return new Report.Sources(snapshot, config, rules, window, baseline);
    }

    private Report.BaselineSource baselineSource() throws IOException {
        if (isNull()) return null;
        object();
        String path = null, sha = null, collectedAt = null, maxAge = null;
        long age = 0;
        List<Report.StoodIn> stood = List.of();
        while (field()) {
            switch (name()) {
                case "path" -> path = str();
                case "sha256" -> sha = str();
                case "collectedAt" -> collectedAt = str();
                case "ageSeconds" -> age = lng0();
                case "maxAge" -> maxAge = str();
                case "stoodInFor" -> stood = list(this::stoodIn);
                default -> skip();
            }
        }
        return new Report.BaselineSource(path, sha, collectedAt, age, maxAge, stood);
    }

    private Report.StoodIn stoodIn() throws IOException {
        object();
        String account = null, region = null, reason = null;
        while (field()) {
            switch (name()) {
                case "accountId" -> account = str();
                case "region" -> region = str();
                case "reason" -> reason = str();
                default -> skip();
            }
        }
        return new Report.StoodIn(account, region, reason);
    }

    private Evaluation.BaselineRef baselineRef() throws IOException {
        if (isNull()) return null;
        object();
        String collectedAt = null;
        long age = 0;
        while (field()) {
            switch (name()) {
                case "collectedAt" -> collectedAt = str();
                case "ageSeconds" -> age = lng0();
                default -> skip();
            }
        }
        return new Evaluation.BaselineRef(collectedAt, age);
    }

    private Report.Source source() throws IOException {
        if (isNull()) return null;
        object();
        String path = null, sha = null, collectedAt = null;
        while (field()) {
            switch (name()) {
                case "path" -> path = str();
                case "sha256" -> sha = str();
                case "collectedAt" -> collectedAt = str();
                default -> skip();
            }
        }
        return new Report.Source(path, sha, collectedAt);
    }

    private Report.RuleRef rule() throws IOException {
        object();
        String id = null, title = null, section = null, severity = null, resourceType = null;
        Map<String, String> parameters = null;
        List<String> wa = null;
        while (field()) {
            switch (name()) {
                case "id" -> id = str();
                case "title" -> title = str();
                case "section" -> section = str();
                case "severity" -> severity = str();
                case "resourceType" -> resourceType = str();
                case "parameters" -> parameters = map(this::str);
                case "wellArchitected" -> wa = strings();
                default -> skip();
            }
        }
        return new Report.RuleRef(id, title, section, severity, resourceType, parameters, wa);
    }

    private Report.WorkloadReport workload() throws IOException {
        object();
        String name = null, owner = null, strategy = null, primary = null, verdict = null, direction = null;
        List<String> recovery = null, notices = null;
        Long rto = null, rpo = null;
        Double score = null;
        Report.Blocking blocking = null;
        List<Report.SectionScore> sections = null;
        List<Report.AccountScore> accounts = null;
        List<Report.PairScore> pairs = null;
        List<Evaluation> evaluations = null;
        while (field()) {
            switch (name()) {
                case "name" -> name = str();
                case "owner" -> owner = str();
                case "strategy" -> strategy = str();
                case "primaryRegion" -> primary = str();
                case "recoveryRegions" -> recovery = strings();
                case "direction" -> direction = str();
                case "rtoMinutes" -> rto = lng();
                case "rpoMinutes" -> rpo = lng();
                case "verdict" -> verdict = str();
                case "score" -> score = dbl();
                case "blocking" -> blocking = blocking();
                case "sections" -> sections = list(this::section);
                case "accounts" -> accounts = list(this::account);
                case "regionPairs" -> pairs = list(this::pair);
                case "waiverNotices" -> notices = strings();
                case "evaluations" -> evaluations = list(this::evaluation);
                default -> skip();
            }
        }
        return new Report.WorkloadReport(name, owner, strategy, primary, recovery, rto, rpo, verdict, score, blocking,
                sections, accounts, pairs, notices, evaluations, direction);
    }

    private Report.Blocking blocking() throws IOException {
        if (isNull()) return null;
        object();
        String failOn = null;
        Double minScore = null;
        long nonCompliant = 0, insufficient = 0;
        List<String> rules = null, sections = null, warnOnly = null;
        Boolean allowUnknown = null;
        Map<String, String> overrides = null;
        List<Report.DisabledRule> disabled = null;
        long wouldBlock = 0;
        String maxAge = null;
        while (field()) {
            switch (name()) {
                case "failOn" -> failOn = str();
                case "minScore" -> minScore = dbl();
                case "nonCompliant" -> nonCompliant = lng0();
                case "insufficientData" -> insufficient = lng0();
                case "blockRules" -> rules = strings();
                case "blockSections" -> sections = strings();
                case "warnOnly" -> warnOnly = strings();
                case "allowUnknown" -> allowUnknown = isNull() ? null : bool();
                case "severityOverrides" -> overrides = map(this::str);
                case "disabledRules" -> disabled = list(this::disabledRule);
                case "warnOnlyWouldBlock" -> wouldBlock = lng0();
                case "maxAge" -> maxAge = str();
                default -> skip();
            }
        }
        if (nonCompliant > Integer.MAX_VALUE || insufficient > Integer.MAX_VALUE || wouldBlock > Integer.MAX_VALUE) throw StreamSchema.mismatch();
        return new Report.Blocking(failOn, minScore, (int) nonCompliant, (int) insufficient, rules, sections, warnOnly,
                allowUnknown, overrides, disabled, (int) wouldBlock, maxAge);
    }

    private Report.DisabledRule disabledRule() throws IOException {
        object();
        String rule = null, source = null;
        while (field()) {
            switch (name()) {
                case "rule" -> rule = str();
                case "source" -> source = str();
                default -> skip();
            }
        }
        return new Report.DisabledRule(rule, source);
    }

    private Report.SectionScore section() throws IOException {
        object();
        String name = null;
        Double score = null;
        long compliant = 0, nonCompliant = 0, insufficient = 0, notApplicable = 0, waived = 0;
        String note = null;
        while (field()) {
            switch (name()) {
                case "name" -> name = str();
                case "score" -> score = dbl();
                case "compliant" -> compliant = lng0();
                case "nonCompliant" -> nonCompliant = lng0();
                case "insufficientData" -> insufficient = lng0();
                case "notApplicable" -> notApplicable = lng0();
                case "waived" -> waived = lng0();
                case "note" -> note = str();
                default -> skip();
            }
        }
        return new Report.SectionScore(name, score, compliant, nonCompliant, insufficient, notApplicable, waived, note);
    }

    private Report.AccountScore account() throws IOException {
        object();
        String id = null;
        Double score = null;
        while (field()) {
            switch (name()) {
                case "accountId" -> id = str();
                case "score" -> score = dbl();
                default -> skip();
            }
        }
        return new Report.AccountScore(id, score);
    }

    private Report.AccountName accountName() throws IOException {
        object();
        String id = null, name = null, source = null;
        while (field()) {
            switch (name()) {
                case "accountId" -> id = str();
                case "name" -> name = str();
                case "source" -> source = str();
                default -> skip();
            }
        }
        return new Report.AccountName(id, name, source);
    }

    private Report.PairScore pair() throws IOException {
        object();
        String primary = null, recovery = null;
        Double score = null;
        while (field()) {
            switch (name()) {
                case "primary" -> primary = str();
                case "recovery" -> recovery = str();
                case "score" -> score = dbl();
                default -> skip();
            }
        }
        return new Report.PairScore(primary, recovery, score);
    }

    private Evaluation evaluation() throws IOException {
        object();
        String ruleId = null, section = null, resourceType = null, resourceId = null, resourceName = null;
        String accountId = null, region = null, recoveryRegion = null, annotation = null;
        Severity severity = null;
        ComplianceType compliance = null;
        Evaluation.Counterpart counterpart = null;
        Evaluation.WaiverRef waiver = null;
        List<Evaluation.GapRef> gaps = null;
        Evaluation.BaselineRef baseline = null;
        boolean waived = false;
        while (field()) {
            switch (name()) {
                case "ruleId" -> ruleId = str();
                case "section" -> section = str();
                case "severity" -> severity = isNull() ? null : Severity.valueOf(str());
                case "complianceType" -> compliance = ComplianceType.valueOf(str());
                case "resourceType" -> resourceType = str();
                case "resourceId" -> resourceId = str();
                case "resourceName" -> resourceName = str();
                case "accountId" -> accountId = str();
                case "region" -> region = str();
                case "recoveryRegion" -> recoveryRegion = str();
                case "counterpart" -> counterpart = counterpart();
                case "annotation" -> annotation = str();
                case "waived" -> waived = bool();
                case "waiver" -> waiver = waiver();
                case "gaps" -> gaps = list(this::gapRef);
                case "baseline" -> baseline = baselineRef();
                default -> skip();
            }
        }
        // "waived": true without a waiver object: bound as ReportReader does (the gate refuses it as unsigned)
        if (waived && waiver == null) waiver = new Evaluation.WaiverRef(null, null, null, null, "report");
        Evaluation e = new Evaluation(ruleId, section, severity, compliance, resourceType, resourceId, resourceName, accountId,
                region, recoveryRegion, counterpart, annotation, waiver);
        if (gaps != null) e.setGaps(gaps);
        e.setBaseline(baseline);
        return e;
    }

    private Evaluation.Counterpart counterpart() throws IOException {
        if (isNull()) return null;
        object();
        String id = null, region = null;
        while (field()) {
            switch (name()) {
                case "resourceId" -> id = str();
                case "region" -> region = str();
                default -> skip();
            }
        }
        return new Evaluation.Counterpart(id, region);
    }

    private Evaluation.WaiverRef waiver() throws IOException {
        if (isNull()) return null;
        object();
        String reason = null, approver = null, owner = null, expires = null, source = null;
        while (field()) {
            switch (name()) {
                case "reason" -> reason = str();
                case "approver" -> approver = str();
                case "owner" -> owner = str();
                case "expires" -> expires = str();
                case "source" -> source = str();
                default -> skip();
            }
        }
        return new Evaluation.WaiverRef(reason, approver, owner, expires, source);
    }

    private Evaluation.GapRef gapRef() throws IOException {
        object();
        String account = null, region = null, service = null, operation = null, id = null, code = null;
        while (field()) {
            switch (name()) {
                case "accountId" -> account = str();
                case "region" -> region = str();
                case "service" -> service = str();
                case "operation" -> operation = str();
                case "resourceId" -> id = str();
                case "errorCode" -> code = str();
                default -> skip();
            }
        }
        return new Evaluation.GapRef(account, region, service, operation, id, code);
    }

    private CollectionGap gap() throws IOException {
        object();
        String account = null, region = null, service = null, operation = null, type = null, id = null, code = null, message = null;
        while (field()) {
            switch (name()) {
                case "accountId" -> account = str();
                case "region" -> region = str();
                case "service" -> service = str();
                case "operation" -> operation = str();
                case "resourceType" -> type = str();
                case "resourceId" -> id = str();
                case "errorCode" -> code = str();
                case "message" -> message = str();
                default -> skip();
            }
        }
        if (account == null || region == null || service == null) throw StreamSchema.mismatch();
        return new CollectionGap(account, region, service, operation, type, id, code, message);
    }

    private Report.Summary summary() throws IOException {
        if (isNull()) return null;
        object();
        long evaluations = 0, gaps = 0;
        Map<String, Long> byType = null, bySeverity = null;
        while (field()) {
            switch (name()) {
                case "evaluations" -> evaluations = lng0();
                case "byComplianceType" -> byType = map(this::lng);
                case "bySeverity" -> bySeverity = map(this::lng);
                case "collectionGaps" -> gaps = lng0();
                default -> skip();
            }
        }
        return new Report.Summary(evaluations, byType, bySeverity, gaps);
    }
}
