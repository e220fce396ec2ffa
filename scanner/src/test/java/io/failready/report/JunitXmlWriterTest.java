package io.failready.report;

import io.failready.model.Report;

import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JunitXmlWriterTest {

    static String xml(Report r) throws Exception {
        StringWriter w = new StringWriter();
        JunitXmlWriter.write(r, w);
        return w.toString();
    }

    /** One compliant evaluation, score 50, under a policy with a minimum score. */
    static Report withMinScore(double min) {
        io.failready.model.Evaluation e = new io.failready.model.Evaluation("S3_BUCKET_REPLICATED_TO_RECOVERY_REGION", "data",
                io.failready.model.Severity.CRITICAL, ComplianceType.COMPLIANT, "AWS::S3::Bucket", "b", null, "111122223333",
                "us-east-1", "eu-west-1", null, "ok.", null);
        Report.WorkloadReport w = new Report.WorkloadReport("payments", "o", "warm-standby", "us-east-1", List.of("eu-west-1"),
                60L, 15L, "NOT_READY", 50.0, new Report.Blocking("HIGH", min, 0, 0),
                List.of(), List.of(), List.of(), List.of(), List.of(e));
        return new Report("1.1", new Report.Tool("failready", "t"), "2026-03-01T00:00:00Z", null, null, List.of(), List.of(w), List.of(), null);
    }

    @Test
    void aScoreBelowThePolicysMinimumFailsTheJob() throws Exception {
        String failing = xml(withMinScore(90.0));
        assertTrue(failing.contains("classname=\"failready.payments.gate.MIN_SCORE\""), failing);
        assertTrue(failing.contains("<testsuites name=\"failready\" tests=\"2\" failures=\"1\" errors=\"0\""), failing);
        assertTrue(failing.contains("Score 50 is below the policy&apos;s minimum 90."), failing);
        String passing = xml(withMinScore(40.0));
        assertTrue(passing.contains("<testsuites name=\"failready\" tests=\"2\" failures=\"0\" errors=\"0\""), passing);
    }

    @Test
    void validatesAgainstTheJenkinsJunitSchema() throws Exception {
        for (Report r : new Report[]{TestReports.small(), TestReports.large(3_000), withMinScore(90.0)}) {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var schema = f.newSchema(getClass().getResource("/jenkins-junit.xsd"));
            schema.newValidator().validate(new StreamSource(new StringReader(xml(r))));
        }
    }

    @Test
    void oneTestcasePerEvaluationWithTheDocumentedMapping() throws Exception {
        Report r = TestReports.small();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml(r).getBytes(StandardCharsets.UTF_8)));
        List<Evaluation> all = ReportFacts.allEvaluations(r);
        assertEquals(all.size(), doc.getElementsByTagName("testcase").getLength());
        // failures and errors are exactly what blocks the gate under the report's recorded policy
        long nc = r.workloads().stream().mapToLong(w -> ReportFacts.blocking(w).size()).sum();
        long id = r.workloads().stream().mapToLong(w -> ReportFacts.lackingData(w).size()).sum();
        long skipped = all.stream().filter(e -> e.isWaived() || e.getComplianceType() != ComplianceType.COMPLIANT).count() - nc - id;
        assertTrue(nc < all.stream().filter(e -> !e.isWaived() && e.getComplianceType() == ComplianceType.NON_COMPLIANT).count(),
                "the fixture has non-blocking findings");
        assertEquals(nc, doc.getElementsByTagName("failure").getLength());
        assertEquals(id, doc.getElementsByTagName("error").getLength());
        assertEquals(skipped, doc.getElementsByTagName("skipped").getLength());
        Element root = doc.getDocumentElement();
        assertEquals(String.valueOf(all.size()), root.getAttribute("tests"));
        assertEquals(String.valueOf(nc), root.getAttribute("failures"));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals("orders.requirements", ((Element) suites.item(0)).getAttribute("name"));
        // hostile values survive as attribute text
        assertTrue(xml(r).contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        boolean found = false;
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            if (((Element) cases.item(i)).getAttribute("name").startsWith(TestReports.XSS_IMG)) found = true;
        }
        assertTrue(found, "resource id round-trips through XML escaping");
    }

    @Test
    void controlCharactersCannotBreakTheXml() {
        assertEquals("a\uFFFDb&lt;&amp;&quot;&#10;", JunitXmlWriter.escape("a\u0001b<&\"\n", true));
        assertEquals("2026-03-01T12:00:00", JunitXmlWriter.timestamp("2026-03-01T12:00:00.123Z"));
    }
}
