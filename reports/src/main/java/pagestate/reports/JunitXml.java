package pagestate.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run in the JUnit XML format that Maven Surefire writes, for CI readers: a {@code <testsuites>}
 * root, one {@code <testsuite>} per spec, one {@code <testcase>} per expectation. A property without
 * an expectation is not a test case. An expectation not met is a {@code <failure>} carrying the text
 * trace; an incomplete run (actual UNKNOWN) is an {@code <error>}, never a pass. The properties are
 * checked in one exploration, so a test case's time is 0 and the suite's time is the run's wall time.
 */
public final class JunitXml {

    private JunitXml() {
    }

    /** Writes the XML to {@code file} (UTF-8), creating parent directories. */
    public static void write(RunReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toXml(report), StandardCharsets.UTF_8);
    }

    /** The XML document as text. */
    public static String toXml(RunReport report) {
        StringWriter out = new StringWriter();
        try {
            write(report, out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toString();
    }

    private static void write(RunReport report, Writer out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        int tests = 0;
        int failures = 0;
        int errors = 0;
        double seconds = 0;
        for (SpecReport spec : report.specs()) {
            Summary summary = spec.summary();
            tests += summary.expectations();
            failures += summary.failed();
            errors += summary.incomplete();
            seconds += spec.stats().seconds();
        }
        tests += report.invalidSpecs().size();
        failures += report.invalidSpecs().size();
        xml.writeStartElement("testsuites");
        attribute(xml, "name", report.tool() + " " + report.version());
        attribute(xml, "tests", Integer.toString(tests));
        attribute(xml, "failures", Integer.toString(failures));
        attribute(xml, "errors", Integer.toString(errors));
        attribute(xml, "skipped", "0");
        attribute(xml, "time", time(seconds));
        for (SpecReport spec : report.specs()) {
            suite(xml, spec);
        }
        for (String spec : report.invalidSpecs()) {
            invalid(xml, spec, report);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }

    private static void suite(XMLStreamWriter xml, SpecReport spec) throws XMLStreamException {
        Summary summary = spec.summary();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        attribute(xml, "name", spec.name());
        attribute(xml, "tests", Integer.toString(summary.expectations()));
        attribute(xml, "failures", Integer.toString(summary.failed()));
        attribute(xml, "errors", Integer.toString(summary.incomplete()));
        attribute(xml, "skipped", "0");
        attribute(xml, "time", time(spec.stats().seconds()));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "file", spec.file());
        property(xml, "platform", spec.platform());
        property(xml, "system", spec.system());
        property(xml, "description", spec.description());
        property(xml, "complete", Boolean.toString(spec.complete()));
        property(xml, "distinct_states", Long.toString(spec.stats().distinctStates()));
        property(xml, "transitions", Long.toString(spec.stats().transitions()));
        property(xml, "max_depth", Integer.toString(spec.stats().maxDepth()));
        property(xml, "reduction", spec.stats().reduction());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (PropertyReport property : spec.properties()) {
            if (property.gated()) {
                testcase(xml, spec, property);
            }
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** A spec that could not be checked: a suite with one failed test case, both named after the file. */
    private static void invalid(XMLStreamWriter xml, String spec, RunReport report) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int count = 0;
        for (InvalidSpec e : report.errors()) {
            if (e.spec().equals(spec)) {
                text.append(e.format()).append('\n');
                count++;
            }
        }
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        attribute(xml, "name", spec);
        attribute(xml, "tests", "1");
        attribute(xml, "failures", "1");
        attribute(xml, "errors", "0");
        attribute(xml, "skipped", "0");
        attribute(xml, "time", time(0));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        attribute(xml, "name", spec);
        attribute(xml, "classname", "pagestate.invalid");
        attribute(xml, "time", "0");
        xml.writeCharacters("\n      ");
        xml.writeStartElement("failure");
        attribute(xml, "message", "invalid spec, not checked: " + count + (count == 1 ? " error" : " errors"));
        attribute(xml, "type", "pagestate.InvalidSpec");
        xml.writeCharacters(clean(text.toString()));
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, SpecReport spec, PropertyReport property)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        boolean passed = Boolean.TRUE.equals(property.met());
        if (passed) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        attribute(xml, "name", property.name() + " " + property.expected().word());
        attribute(xml, "classname", "pagestate." + spec.name());
        attribute(xml, "time", "0");
        if (passed) {
            return;
        }
        xml.writeCharacters("\n      ");
        if (property.actual() == Actual.UNKNOWN) {
            xml.writeStartElement("error");
            attribute(xml, "message", "incomplete: the exploration stopped before a verdict on "
                    + property.name() + " (expected " + property.expected().word() + ")");
            attribute(xml, "type", "pagestate.Incomplete");
        } else {
            xml.writeStartElement("failure");
            attribute(xml, "message", "expected " + property.name() + " " + property.expected().word()
                    + ", but it " + (property.actual() == Actual.HOLDS ? "holds" : "is violated"));
            attribute(xml, "type", "pagestate.ExpectationNotMet");
        }
        xml.writeCharacters(clean(TextTrace.render(property)));
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        attribute(xml, "name", name);
        attribute(xml, "value", value);
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, clean(value));
    }

    /** Seconds with at most three decimals, as Surefire writes them (its XSD's SUREFIRE_TIME). */
    static String time(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /** Drops characters that XML 1.0 cannot carry at all (control characters other than tab/CR/LF). */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
            if (allowed) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
