package io.failready.report;

import io.failready.evaluate.ComplianceType;
import io.failready.evaluate.Evaluation;
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

    @Test
    void validatesAgainstTheJenkinsJunitSchema() throws Exception {
        for (Report r : new Report[]{TestReports.small(), TestReports.large(3_000)}) {
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
        long nc = all.stream().filter(e -> !e.isWaived() && e.getComplianceType() == ComplianceType.NON_COMPLIANT).count();
        long id = all.stream().filter(e -> !e.isWaived() && e.getComplianceType() == ComplianceType.INSUFFICIENT_DATA).count();
        long skipped = all.stream().filter(e -> e.isWaived() || e.getComplianceType() == ComplianceType.NOT_APPLICABLE).count();
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
