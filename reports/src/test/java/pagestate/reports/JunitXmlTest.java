package pagestate.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class JunitXmlTest {

    @TempDir
    Path dir;

    @Test
    void validatesAgainstTheSurefireShape() throws Exception {
        Path file = dir.resolve("junit.xml");
        JunitXml.write(FakeRuns.run(), file);
        validator().validate(new StreamSource(file.toFile()));
    }

    @Test
    void theSchemaCatchesAWrongDocument() throws Exception {
        String bad = JunitXml.toXml(FakeRuns.run()).replaceFirst("tests=\"2\"", "tests=\"two\"");
        assertThrows(SAXException.class, () -> validator().validate(new StreamSource(new StringReader(bad))));
    }

    @Test
    void oneTestcasePerExpectationWithFailuresAndErrors() throws Exception {
        Document doc = parse(JunitXml.toXml(FakeRuns.run()));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(3, suites.getLength());
        assertEquals(FakeRuns.run().summary().expectations(), doc.getElementsByTagName("testcase").getLength());
        Element tdx = (Element) suites.item(0);
        assertEquals("2", tdx.getAttribute("tests"), "the ungated property is not a test case");
        assertEquals("1", tdx.getAttribute("failures"));
        assertEquals("0", tdx.getAttribute("errors"));
        Element failure = (Element) tdx.getElementsByTagName("failure").item(0);
        assertEquals("zeropad_returns holds", ((Element) failure.getParentNode()).getAttribute("name"));
        assertTrue(failure.getTextContent().contains("^^ VIOLATES zeropad_returns"), "the failure carries the trace");
        Element incomplete = (Element) suites.item(2);
        assertEquals("1", incomplete.getAttribute("errors"), "an UNKNOWN verdict is an error, not a pass");
        assertEquals(1, incomplete.getElementsByTagName("error").getLength());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("5", root.getAttribute("tests"));
        assertEquals("2", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("errors"));
    }

    @Test
    void specStringsAreEscaped() throws Exception {
        String xml = JunitXml.toXml(FakeRuns.run());
        assertFalse(xml.contains("<script>"), "raw markup from a spec leaked into the XML");
        assertTrue(xml.contains("&lt;script&gt;") || xml.contains("&lt;script>"), "escaped form present");
        Document doc = parse(xml);
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(2);
        assertEquals(FakeRuns.EVIL_NAME, suite.getAttribute("name"), "round trip of the name");
    }

    @Test
    void timeHasAtMostThreeDecimals() {
        assertEquals("0.420", JunitXml.time(0.42));
        assertEquals("1234.568", JunitXml.time(1234.5678));
    }

    private static Validator validator() throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(JunitXmlTest.class.getResource("/junit-surefire.xsd")).newValidator();
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
