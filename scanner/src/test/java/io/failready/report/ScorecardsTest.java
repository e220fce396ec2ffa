package io.failready.report;

import io.failready.config.Workload;
import io.failready.evaluate.Scoring;
import io.failready.evaluate.WorkloadResult;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.model.Severity;
import io.failready.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Account names, the portfolio order, fix-first groups and the CSV columns, as a reader of each format sees them. */
class ScorecardsTest {
    @TempDir Path tmp;

    static final String HOSTILE_NAME = "<img src=x onerror=alert(1)> | *prod* @team";
    static final String FORMULA_NAME = "=cmd|' /C calc'!A0";

    /** {@link TestReports#small()} with names for both accounts: one hostile markup, one a spreadsheet formula. */
    static Report named(Report r) {
        return withNames(r, List.of(new Report.AccountName(TestReports.ACCOUNT_A, HOSTILE_NAME, "config"),
                new Report.AccountName(TestReports.ACCOUNT_B, FORMULA_NAME, "organizations")));
    }

    static Report withNames(Report r, List<Report.AccountName> names) {
        return new Report(r.schemaVersion(), r.tool(), r.generatedAt(), r.asOf(), r.sources(), r.rules(), r.workloads(),
                r.collectionGaps(), r.summary(), names);
    }

    static Report.WorkloadReport withVerdict(Report.WorkloadReport w, String name, String verdict, Double score) {
        return new Report.WorkloadReport(name, w.owner(), w.strategy(), w.primaryRegion(), w.recoveryRegions(), w.rtoMinutes(),
                w.rpoMinutes(), verdict, score, w.blocking(), w.sections(), w.accounts(), w.regionPairs(), w.waiverNotices(),
                w.evaluations());
    }

    @Test
    void accountNamesComeFromTheConfigFirstThenOrganizations() {
        Workload w = new Workload();
        w.name = "payments";
        for (String[] a : new String[][]{{"111111111111", "payments-prod"}, {"222222222222", null}, {"333333333333", null}}) {
            Workload.AccountRef ref = new Workload.AccountRef();
            ref.id = a[0];
            ref.name = a[1];
            w.accounts.add(ref);
        }
        List<Resource> resources = List.of(
                new Resource("AWS::::Account", "111111111111", "org-name-ignored", "111111111111", "eu-west-1", Map.of(),
                        Map.of("accountName", "org-name-ignored")),
                new Resource("AWS::::Account", "222222222222", "Shared Services", "222222222222", "eu-west-1", Map.of(),
                        Map.of("accountName", "Shared Services")),
                // an account no workload covers is not named in the report
                new Resource("AWS::::Account", "999999999999", "elsewhere", "999999999999", "eu-west-1", Map.of(),
                        Map.of("accountName", "elsewhere")));
        Snapshot snap = new Snapshot(Snapshot.SCHEMA_VERSION, null, "2026-03-01T00:00:00Z", null, List.of(), List.of(), resources, List.of());
        List<Report.AccountName> names = ReportBuilder.accountNames(List.of(new WorkloadResult(w, List.of(), List.of(), List.of())),
                snap, Set.of("111111111111", "222222222222", "333333333333"));
        assertEquals(List.of(new Report.AccountName("111111111111", "payments-prod", "config"),
                new Report.AccountName("222222222222", "Shared Services", "organizations")), names, "333333333333 has no name: left out");
    }

    @Test
    void accountNamesSurviveASavedReportAndOlderReportsShowIds() throws Exception {
        Report r = named(TestReports.small());
        ReportWriters.write(r, null, tmp.resolve("a"), EnumSet.of(ReportFormat.JSON), id -> null);
        Report back = ReportReader.read(tmp.resolve("a/report.json"));
        assertEquals(r.accounts(), back.accounts());
        assertEquals("1.3", back.schemaVersion());
        assertEquals(HOSTILE_NAME + " (" + TestReports.ACCOUNT_A + ")",
                ReportFacts.accountLabel(ReportFacts.accountNames(back), TestReports.ACCOUNT_A));
        // a 1.2 report has no accounts: ids alone, as before
        Report old = TestReports.small();
        assertEquals(TestReports.ACCOUNT_A, ReportFacts.accountLabel(ReportFacts.accountNames(old), TestReports.ACCOUNT_A));
    }

    @Test
    void workloadsAreOrderedWorstFirst() {
        Report.WorkloadReport base = TestReports.small().workloads().get(0);
        List<Report.WorkloadReport> ws = List.of(
                withVerdict(base, "ready-high", "READY", 99.0),
                withVerdict(base, "unknown", "UNKNOWN", 40.0),
                withVerdict(base, "ready-low", "READY", 80.0),
                withVerdict(base, "not-ready-high", "NOT_READY", 90.0),
                withVerdict(base, "not-ready-unscored", "NOT_READY", null),
                withVerdict(base, "not-ready-low", "NOT_READY", 20.0));
        Report r = new Report(Report.SCHEMA_VERSION, null, "2026-03-01T12:00:00Z", null, null, List.of(), ws, List.of(), null);
        List<String> order = Scorecards.workloads(r, null, n -> null).stream().map(x -> x.workload().name()).toList();
        assertEquals(List.of("not-ready-unscored", "not-ready-low", "not-ready-high", "unknown", "ready-low", "ready-high"), order);
    }

    @Test
    void fixFirstGroupsBlockingFindingsByRuleWithTheScoreTheFixWouldGiveBack() {
        Report r = named(TestReports.small());
        List<Scorecards.FixGroup> groups = Scorecards.fixFirst(r);
        assertFalse(groups.isEmpty());
        int total = 0;
        for (Report.WorkloadReport w : r.workloads()) total += ReportFacts.blocking(w).size();
        assertEquals(total, groups.stream().mapToInt(Scorecards.FixGroup::findings).sum(), "every blocking finding in exactly one group");
        for (Scorecards.FixGroup g : groups) {
            Report.WorkloadReport w = r.workloads().stream().filter(x -> x.name().equals(g.workload())).findFirst().orElseThrow();
            List<Evaluation> fixed = new ArrayList<>();
            for (Evaluation e : ReportFacts.evaluations(w)) {
                boolean blocks = ReportFacts.blocking(w).contains(e) && e.getRuleId().equals(g.ruleId());
                fixed.add(blocks ? new Evaluation(e.getRuleId(), e.getSection(), e.getSeverity(), ComplianceType.COMPLIANT,
                        e.getResourceType(), e.getResourceId(), e.getResourceName(), e.getAccountId(), e.getRegion(),
                        e.getRecoveryRegion(), null, "fixed", null) : e);
            }
            double expected = Math.round(10 * (Scoring.score(fixed) - Scoring.score(ReportFacts.evaluations(w)))) / 10.0;
            assertEquals(expected, g.gain(), 1e-9, g.toString());
            assertTrue(g.gain() > 0, "fixing a blocking finding raises the score: " + g);
            assertEquals(g.findings(), g.accounts().stream().mapToInt(Scorecards.AccountCount::findings).sum());
        }
        for (int i = 1; i < groups.size(); i++) assertTrue(groups.get(i - 1).gain() >= groups.get(i).gain(), "most gain first");
        assertTrue(groups.get(0).accounts().get(0).label().endsWith(")"), "accounts named: " + groups.get(0).accounts());
    }

    @Test
    void htmlOpensWithThePortfolioFixFirstAndNamedAccountsAllEscaped() throws Exception {
        Report r = named(TestReports.small());
        String html = HtmlReportWriter.render(r, TestReports.build(2, true, 1), TestReports.DOCS);
        int portfolio = html.indexOf("id=\"portfolio\"");
        assertTrue(portfolio > 0 && portfolio < html.indexOf("class=\"workload card\""), "the portfolio table opens the report");
        assertTrue(html.contains("<th scope=\"col\">Inventory age</th>"), "headers with scope");
        assertTrue(html.contains("id=\"fix-first\""));
        assertTrue(html.contains("href=\"#rule-"), "remediation one click away");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; | *prod* @team (" + TestReports.ACCOUNT_A + ")"), "named, escaped");
        assertFalse(html.contains("<img src=x"), "no element from a hostile account name");
        // trend arrows from --previous
        assertTrue(html.matches("(?s).*class=\"nowrap delta delta-(up|down|flat)\"><span aria-hidden=\"true\">[▲▼▶]</span>.*"), "trend arrow");

        Report single = new Report(r.schemaVersion(), r.tool(), r.generatedAt(), r.asOf(), r.sources(), r.rules(),
                List.of(r.workloads().get(0)), r.collectionGaps(), r.summary(), r.accounts());
        assertFalse(HtmlReportWriter.render(single, null, id -> null).contains("id=\"portfolio\""), "one workload: no portfolio table");
    }

    @Test
    void fiveHundredAccountsShowTheWorstTwentyFiveAndCollapseTheRest() throws Exception {
        List<Evaluation> evals = new ArrayList<>();
        List<Report.AccountName> names = new ArrayList<>();
        for (int a = 0; a < 500; a++) {
            String id = String.format("%012d", 100000000000L + a);
            names.add(new Report.AccountName(id, "acct-" + a, "organizations"));
            for (int i = 0; i < 4; i++) {
                // account a has a non-compliant share that grows with a: the worst is acct-499
                ComplianceType t = i < (a % 5) ? ComplianceType.NON_COMPLIANT : ComplianceType.COMPLIANT;
                evals.add(new Evaluation("S3_BUCKET_REPLICATED_TO_RECOVERY_REGION", "data", Severity.CRITICAL, t, "AWS::S3::Bucket",
                        "arn:aws:s3:::b-" + a + "-" + i, null, id, "us-east-1", "eu-west-1", null, "x.", null));
            }
        }
        Workload w = new Workload();
        w.name = "estate";
        w.primaryRegion = "us-east-1";
        w.recoveryRegions = new ArrayList<>(List.of("eu-west-1"));
        Report.WorkloadReport wr = ReportBuilder.workload(new WorkloadResult(w, List.of(new RegionPair("estate", "us-east-1", "eu-west-1")), evals, List.of()));
        Report r = new Report(Report.SCHEMA_VERSION, new Report.Tool("failready", "t"), "2026-03-01T12:00:00Z", null, null, List.of(),
                List.of(wr, withVerdict(wr, "estate-2", "READY", 100.0)), List.of(), null, names);
        ReportModel m = ReportModel.of(r, null, id -> null);
        assertEquals(500, m.accounts().total());
        assertEquals(Scorecards.TOP_ACCOUNTS, m.accounts().top().size());
        assertEquals(475, m.accounts().rest().size());
        // acct-4, -9, -14... have every evaluation non-compliant (score 0); ties by id
        assertEquals("acct-4 (100000000004)", m.accounts().top().get(0).label(), "worst first");
        assertEquals("0", m.accounts().top().get(0).scoreText());
        assertTrue(m.accounts().rest().stream().anyMatch(a -> a.label().equals("acct-0 (100000000000)") && a.scoreText().equals("100")),
                "a clean account is among the collapsed rest");
        assertTrue(m.workloads().get(0).accounts().bars().size() <= ReportModel.MAX_ACCOUNT_BARS, "per-workload chart capped");
        String html = HtmlReportWriter.render(r, null, id -> null);
        assertTrue(html.contains("<details class=\"accounts-rest\">"), "the rest collapsed");
        assertTrue(html.contains("475 more accounts"));
        assertTrue(html.getBytes(StandardCharsets.UTF_8).length < 1_500_000, "stays small: " + html.length());
    }

    @Test
    void markdownShowsTheTopFiveFixGroupsAndEscapesNames() {
        Report r = named(TestReports.large(400));
        String md = MarkdownSummaryWriter.render(r, null);
        assertTrue(md.contains("### Fix first"), md);
        String section = md.substring(md.indexOf("### Fix first"));
        section = section.substring(0, section.indexOf("\n\n<details>") > 0 ? section.indexOf("\n\n<details>") : section.length());
        long rows = section.lines().filter(l -> l.startsWith("| `")).count();
        assertEquals(MarkdownSummaryWriter.TOP_FIX_GROUPS, rows, section);
        assertTrue(section.contains("[how to fix](rules/"), section);
        assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)<img").matcher(md).find(), "no unescaped inline HTML from an account name");
        assertTrue(md.contains("\\<img src=x onerror=alert\\(1\\)\\> \\| \\*prod\\* @\u200bteam (") || md.contains("\\<img src=x onerror=alert\\(1\\)\\> \\| \\*prod\\* @\u200bteam \\("), md);
        // the workload table is worst first
        int notReady = md.indexOf("NOT\\_READY |"), table = md.indexOf("| Workload | Owner |");
        assertTrue(table > 0 && notReady > table, md);
    }

    @Test
    void csvCarriesDatesAccountNameBlockingFrameworkAndRemediation() throws Exception {
        Report r = named(TestReports.small());
        StringWriter w = new StringWriter();
        CsvReportWriter.write(r, w);
        List<List<String>> rows = CsvReportWriterTest.parse(w.toString());
        List<String> head = rows.get(0);
        for (String c : List.of("inventoryAt", "reportGeneratedAt", "workload", "accountName", "blocking", "waiverApprover",
                "waiverExpires", "frameworkControls", "remediation")) {
            assertTrue(head.contains(c), c);
        }
        int acct = head.indexOf("accountId"), name = head.indexOf("accountName"), blocking = head.indexOf("blocking");
        int blockingRows = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(head.size(), row.size());
            assertEquals("2026-03-01T11:55:00Z", row.get(head.indexOf("inventoryAt")));
            assertEquals(TestReports.GENERATED_AT, row.get(head.indexOf("reportGeneratedAt")));
            if (row.get(acct).equals(TestReports.ACCOUNT_B)) assertEquals("'" + FORMULA_NAME, row.get(name), "formula neutralised");
            if (row.get(acct).equals(TestReports.ACCOUNT_A)) assertEquals(HOSTILE_NAME, row.get(name));
            if (row.get(blocking).equals("true")) blockingRows++;
            // without --framework the column names every bundled framework's controls as framework:control
            for (String c : row.get(head.indexOf("frameworkControls")).split("; ")) {
                assertTrue(c.matches("[a-z0-9-]+:\\S.*"), row.toString());
            }
            assertTrue(row.get(head.indexOf("remediation")).matches("rules/[a-z]+/[A-Z0-9_]+/[A-Z0-9_]+\\.md#remediation"), row.toString());
        }
        int expected = 0;
        for (Report.WorkloadReport x : r.workloads()) expected += ReportFacts.blocking(x).size();
        assertEquals(expected, blockingRows, "the blocking flag is the gate's own count");
    }

    @Test
    void remediationLinksAreBuiltFromIdentifiersOnly() {
        assertEquals("rules/data/X_Y/X_Y.md#remediation", RuleDocs.remediationLink("data", "X_Y"));
        assertNull(RuleDocs.remediationLink("data", "X)](javascript:alert(1)"));
        assertNull(RuleDocs.remediationLink("../../etc", "X"));
        assertNull(RuleDocs.remediationLink(null, "X"));
    }

    @Test
    void junitAndDiffNameAccounts() throws Exception {
        Report r = named(TestReports.small());
        StringWriter w = new StringWriter();
        JunitXmlWriter.write(r, w);
        assertTrue(w.toString().contains("account: &lt;img src=x onerror=alert(1)&gt; | *prod* @team (" + TestReports.ACCOUNT_A + ")"), w.toString());
        Report old = named(TestReports.build(2, true, 1));
        String text = DiffWriter.render(ReportDiff.of(old, r), DiffWriter.Format.TEXT, ReportFacts.accountNames(r, old));
        assertTrue(text.contains("[" + HOSTILE_NAME + " (" + TestReports.ACCOUNT_A + ") us-east-1"), text);
    }

    static String read(Path p) throws Exception { return Files.readString(p); }
}
