package fearless.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code junit.xml} is well-formed Surefire-style XML whatever a submission's feedback holds. */
class JunitXmlReportTest {

    private static Document parse() throws Exception {
        byte[] xml = new JunitXmlReport().render(Golden.sample()).getBytes(StandardCharsets.UTF_8);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void matches_golden() throws IOException {
        Golden.assertMatches("junit.xml", new JunitXmlReport().render(Golden.sample()));
    }

    @Test
    void parses_back_with_a_suite_per_exercise_and_a_case_per_check() throws Exception {
        Document doc = parse();
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("9", root.getAttribute("tests"));
        assertEquals("5", root.getAttribute("failures"));
        assertEquals("2", root.getAttribute("errors"));
        assertEquals("1", root.getAttribute("skipped"));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(4, suites.getLength());
        Element mutex = (Element) suites.item(2);
        assertEquals("mutex", mutex.getAttribute("name"));
        assertEquals("3", mutex.getAttribute("tests"));
        assertEquals("2", mutex.getAttribute("failures"));
        Element timedOut = (Element) mutex.getElementsByTagName("testcase").item(2);
        assertEquals("no_lost_wakeup", timedOut.getAttribute("name"));
        assertEquals("mutex", timedOut.getAttribute("classname"));
        assertEquals("6.000", timedOut.getAttribute("time"));
        Element failure = (Element) timedOut.getElementsByTagName("failure").item(0);
        assertEquals("timeout", failure.getAttribute("type"));
        assertEquals("did not finish in time: every thread waits", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().endsWith("reproduce: ./fearless grade --check mutex/no_lost_wakeup --seed 42"));
    }

    @Test
    void markup_in_feedback_stays_text_and_what_xml_cannot_hold_is_dropped() throws Exception {
        Document doc = parse();
        Element rc = (Element) doc.getElementsByTagName("testsuite").item(3);
        NodeList cases = rc.getElementsByTagName("testcase");
        Element crashed = (Element) cases.item(1);
        Element error = (Element) crashed.getElementsByTagName("error").item(0);
        assertEquals("crashed", error.getAttribute("type"));
        assertTrue(error.getTextContent().startsWith("expected <2> & got </testcase> \"3\" | `x` ``` ]]> \\x00nul \\ud800lone"),
                error.getTextContent());
        assertEquals(1, ((Element) cases.item(2)).getElementsByTagName("skipped").getLength());
        assertEquals(1, ((Element) cases.item(3)).getElementsByTagName("error").getLength());
        Element box = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertTrue(box.getElementsByTagName("system-err").item(0).getTextContent().startsWith("does not compile:\n"
                + "src/main/java/fearless/exercises/box/OwnedBox.java:12: error: ';' expected"));
    }
}
