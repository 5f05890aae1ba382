package fearless.grader.report;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: the report as Maven Surefire writes one, for the tools that read those (CI
 * test tabs, dashboards). One {@code testsuite} per exercise, one {@code testcase} per check:
 * a failed or timed-out check is a {@code failure}, a crashed one or one the grader could not judge
 * an {@code error}, a skipped one {@code skipped}. What kept an exercise from running (compile
 * errors, forbidden uses) is its suite's {@code system-err}. Written with the JDK's XML stream
 * writer, which escapes markup; characters XML 1.0 cannot hold are dropped first.
 */
public final class JunitXmlReport implements ReportFormat {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    @Override
    public String id() {
        return "junit";
    }

    @Override
    public String fileName() {
        return "junit.xml";
    }

    @Override
    public String render(GradeReport report) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "fearless " + clean(report.submission()));
            counts(xml, report.exercises().stream().flatMap(e -> e.checks().stream()).toList());
            xml.writeAttribute("time", seconds(report.durationMs()));
            for (ExerciseResult exercise : report.exercises()) {
                suite(xml, report, exercise);
            }
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write junit.xml", e);
        }
        return text.append('\n').toString();
    }

    private static void suite(XMLStreamWriter xml, GradeReport report, ExerciseResult exercise)
            throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", exercise.id());
        counts(xml, exercise.checks());
        xml.writeAttribute("time", seconds(exercise.checks().stream().mapToLong(CheckResult::durationMs).sum()));
        newline(xml, 2);
        xml.writeStartElement("properties");
        property(xml, "seed", Long.toString(report.seed()));
        property(xml, "java", clean(report.java()));
        property(xml, "sandbox", clean(report.sandbox()));
        property(xml, "points", exercise.score() + "/" + exercise.maxScore());
        newline(xml, 2);
        xml.writeEndElement();
        for (CheckResult check : exercise.checks()) {
            testcase(xml, report, exercise, check);
        }
        List<String> notRun = exercise.compiled() ? exercise.violations() : exercise.compileErrors();
        if (!notRun.isEmpty()) {
            newline(xml, 2);
            xml.writeStartElement("system-err");
            xml.writeCharacters(clean((exercise.compiled() ? "uses what a submission may not touch:\n"
                    : "does not compile:\n") + String.join("\n", notRun)));
            xml.writeEndElement();
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, GradeReport report, ExerciseResult exercise, CheckResult check)
            throws XMLStreamException {
        newline(xml, 2);
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", check.id().substring(check.id().indexOf('/') + 1));
        xml.writeAttribute("classname", exercise.id());
        xml.writeAttribute("time", seconds(check.durationMs()));
        String verdict = switch (check.status()) {
            case PASSED -> null;
            case FAILED, TIMEOUT -> "failure";
            case CRASHED, ERROR -> "error";
            case SKIPPED -> "skipped";
        };
        if (verdict != null) {
            newline(xml, 3);
            xml.writeStartElement(verdict);
            String message = clean(check.message()).strip();
            xml.writeAttribute("message", message.lines().findFirst().orElse(check.status().id()));
            if (!check.status().equals(Status.SKIPPED)) {
                xml.writeAttribute("type", check.status().id());
                String body = Rerun.helps(check) ? message + "\n" + Rerun.ofOwnWork(check, report.seed()).line() : message;
                xml.writeCharacters(body);
            }
            xml.writeEndElement();
            newline(xml, 2);
        }
        xml.writeEndElement();
    }

    private static void counts(XMLStreamWriter xml, List<CheckResult> checks) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(checks.size()));
        xml.writeAttribute("failures", count(checks, Status.FAILED, Status.TIMEOUT));
        xml.writeAttribute("errors", count(checks, Status.CRASHED, Status.ERROR));
        xml.writeAttribute("skipped", count(checks, Status.SKIPPED));
    }

    private static String count(List<CheckResult> checks, Status... statuses) {
        List<Status> wanted = List.of(statuses);
        return Long.toString(checks.stream().filter(c -> wanted.contains(c.status())).count());
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        newline(xml, 3);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /**
     * Text a report quotes, fit for XML 1.0: terminal control characters shown escaped as the other
     * reports show them, and anything XML cannot hold (a lone surrogate, U+FFFE, U+FFFF) dropped.
     */
    static String clean(String text) {
        String printable = Printable.of(text);
        StringBuilder out = new StringBuilder(printable.length());
        printable.codePoints().filter(JunitXmlReport::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
