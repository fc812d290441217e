package pagestate.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Specs that could not be checked: the JSON {@code errors} list and a failed JUnit case per file. */
class InvalidSpecReportTest {

    private static RunReport run() {
        RunReport checked = FakeRuns.run();
        return new RunReport(checked.tool(), checked.version(), checked.specs(), List.of(
                new InvalidSpec("specs/bad.pspec", "specs/bad.pspec", 8, 5, "unknown primitive flush_cahce"),
                new InvalidSpec("specs/bad.pspec", "specs/base.pspec", 0, 0, "missing `spec NAME` line"),
                new InvalidSpec("specs/worse.pspec", "specs/worse.pspec", 2, 0, "a <word> & \u0007 more")));
    }

    @Test
    void jsonListsEveryError() throws Exception {
        JsonNode errors = new ObjectMapper().readTree(JsonReport.toJson(run())).get("errors");
        assertEquals(3, errors.size());
        JsonNode first = errors.get(0);
        assertEquals("specs/bad.pspec", first.get("spec").asText());
        assertEquals(8, first.get("line").asInt());
        assertEquals(5, first.get("column").asInt());
        assertEquals("unknown primitive flush_cahce", first.get("message").asText());
        assertEquals("specs/base.pspec", errors.get(1).get("file").asText());
        assertEquals(0, errors.get(1).get("line").asInt());
        assertEquals(0, new ObjectMapper().readTree(JsonReport.toJson(FakeRuns.run())).get("errors").size());
    }

    @Test
    void junitHasAFailedCaseNamedAfterEachInvalidFile() {
        String xml = JunitXml.toXml(run());
        RunReport checked = FakeRuns.run();
        int tests = 0;
        int failures = 0;
        for (SpecReport s : checked.specs()) {
            tests += s.summary().expectations();
            failures += s.summary().failed();
        }
        assertTrue(xml.contains("tests=\"" + (tests + 2) + "\" failures=\"" + (failures + 2) + "\""), xml);
        assertTrue(xml.contains("<testcase name=\"specs/bad.pspec\" classname=\"pagestate.invalid\" time=\"0\">"), xml);
        assertTrue(xml.contains("<failure message=\"invalid spec, not checked: 2 errors\" type=\"pagestate.InvalidSpec\">"
                + "specs/bad.pspec:8:5: unknown primitive flush_cahce\nspecs/base.pspec: missing `spec NAME` line\n"), xml);
        assertTrue(xml.contains("specs/worse.pspec:2: a &lt;word&gt; &amp;  more"), xml);
    }
}
