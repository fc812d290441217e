package pagestate.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

    @TempDir
    Path dir;

    @Test
    void hasTheDocumentedShapeAndSummary() throws Exception {
        Path file = dir.resolve("out/report.json");
        JsonReport.write(FakeRuns.run(), file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals(List.of("tool", "version", "summary", "specs", "errors"), fields(root));
        assertEquals(0, root.get("errors").size(), "a run without invalid specs has an empty errors list");
        assertEquals("pagestate", root.get("tool").asText());
        assertEquals("0.1.0-test", root.get("version").asText());
        assertEquals(2, root.at("/summary/passed").asInt());
        assertEquals(2, root.at("/summary/failed").asInt());
        assertEquals(1, root.at("/summary/incomplete").asInt());
        JsonNode tdx = root.at("/specs/0");
        assertEquals(List.of("file", "name", "platform", "complete", "stats", "coverage", "properties"), fields(tdx));
        assertEquals(List.of("distinct_states", "transitions", "max_depth", "seconds", "states_per_second",
                "bytes_per_state", "reduction"), fields(tdx.get("stats")));
        assertEquals(1234, tdx.at("/stats/distinct_states").asLong());
        assertEquals(17, tdx.at("/stats/max_depth").asInt());
        assertEquals(1234 / 0.42, tdx.at("/stats/states_per_second").asDouble(), 1e-9);
        assertEquals("symmetry(cpus)", tdx.at("/stats/reduction").asText());
        JsonNode noFatal = tdx.at("/properties/0");
        assertEquals(List.of("name", "expected", "actual", "met", "trace_length", "outcome"), fields(noFatal));
        assertEquals("violated", noFatal.get("expected").asText());
        assertEquals("violated", noFatal.get("actual").asText());
        assertTrue(noFatal.get("met").asBoolean());
        assertEquals(6, noFatal.get("trace_length").asInt());
        JsonNode ungated = tdx.at("/properties/2");
        assertTrue(ungated.get("expected").isNull());
        assertTrue(ungated.get("met").isNull());
        assertTrue(ungated.get("trace_length").isNull());
        assertTrue(ungated.get("outcome").isNull());
        JsonNode unknown = root.at("/specs/2/properties/0");
        assertEquals("unknown", unknown.get("actual").asText());
        assertFalse(root.at("/specs/2/complete").asBoolean());
    }

    @Test
    void specStringsAreEscapedAndRoundTrip() throws Exception {
        String json = JsonReport.toJson(FakeRuns.run());
        assertFalse(json.contains("<script>"), "raw markup in JSON");
        assertFalse(json.contains("& "), "raw ampersand in JSON");
        assertTrue(json.contains("\\u003Cscript\\u003E") || json.contains("\\u003cscript\\u003e"), json);
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(FakeRuns.EVIL_NAME, root.at("/specs/2/name").asText());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
