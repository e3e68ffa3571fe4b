package dev.hookcheck.conformance.report;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.internal.EvidenceText;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml} in the Surefire shape CI test reporters read: one {@code testsuite}, one
 * {@code testcase} per check (classname {@code hookcheck.<profile>.<category>}), {@code failure} with
 * the message and the evidence, {@code skipped} with the reason.
 */
final class JunitXmlReport {
    private JunitXmlReport() {}

    static String render(Report report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            Report.Summary summary = report.summary();
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "hookcheck " + report.profile());
            xml.writeAttribute("tests", Integer.toString(report.checks().size()));
            xml.writeAttribute("failures", Integer.toString(summary.failed()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Integer.toString(summary.skipped()));
            xml.writeAttribute("time", seconds(report.durationMs()));
            xml.writeAttribute("timestamp", report.startedAt().atOffset(ZoneOffset.UTC).toLocalDateTime()
                    .truncatedTo(ChronoUnit.SECONDS).toString());
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "profile", report.profile());
            property(xml, "target", report.target());
            property(xml, "version", Report.VERSION);
            if (report.invocation().isPresent()) {
                property(xml, "commandLine", report.invocation().get().commandLine());
            }
            for (Diagnosis diagnosis : report.diagnoses()) {
                property(xml, "diagnosis." + diagnosis.id(), diagnosis.title() + ": " + String.join(",", diagnosis.ids())
                        + ". Fix: " + diagnosis.fix());
            }
            if (!report.notVerified().isEmpty()) {
                property(xml, "notVerified", String.join(",", report.notVerified().stream().map(CheckResult::id)
                        .toList()) + ": " + Report.HOW_TO_VERIFY);
            }
            if (report.stopped().isPresent()) {
                property(xml, "stopped", report.stopped().get());
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (CheckResult result : report.ordered()) {
                testcase(xml, report, result);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not render junit.xml: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    private static void testcase(XMLStreamWriter xml, Report report, CheckResult result) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        boolean passed = result.passed();
        if (passed) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", result.id() + " " + result.title());
        xml.writeAttribute("classname", "hookcheck." + report.profile() + "." + result.category().code());
        xml.writeAttribute("time", seconds(result.durationMs()));
        if (passed) {
            return;
        }
        xml.writeCharacters("\n    ");
        if (result.failed()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", clean(result.message()));
            xml.writeAttribute("type", result.level().code());
            xml.writeCharacters(clean(result.message() + reproduction(report, result) + EvidenceText.of(result.evidence())));
            xml.writeEndElement();
        } else {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", clean(result.message()));
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** The diagnosis that explains the failure, and how to send it again. */
    private static String reproduction(Report report, CheckResult result) {
        StringBuilder text = new StringBuilder();
        report.diagnosis(result).ifPresent(d -> text.append("\n\ndiagnosis: ").append(d.title()).append(" (")
                .append(String.join(", ", d.ids())).append("). Fix: ").append(d.fix()).append('.'));
        report.command(result).ifPresent(command -> text.append("\n\nrun it alone:\n").append(command));
        report.curl(result).ifPresent(curl -> text.append("\n\nsend the request that failed it:\n").append(curl));
        return text.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** XML 1.0 cannot carry most control characters, even escaped; a receiver's answer may hold any. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }
}
