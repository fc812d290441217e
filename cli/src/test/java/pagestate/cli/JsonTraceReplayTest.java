package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagestate.model.ModelAction;
import pagestate.model.PropertyName;
import pagestate.model.SystemModel;
import pagestate.model.SystemProperty;
import pagestate.reports.StateTrace;
import pagestate.specs.Spec;

/**
 * The JSON report's traces are real: each, read back from the file, is replayed through a fresh model of
 * its spec, step by step (an action of that actor with that text, reaching that state), and ends in the
 * same violation: the invariant false in the last state, or a liveness goal false all round the cycle.
 */
class JsonTraceReplayTest {

    @TempDir
    Path dir;

    /**
     * A step of a JSON trace carries the cause as explain shows it: the violating load of the spec without a
     * TLB flush names the stale translation, the page's state, the rule and the outcome.
     */
    @Test
    void aTraceStepCarriesTheNotesExplainShows() throws Exception {
        Path spec = Path.of("..", "specs", "catalog", "cpu", "tdx-to-shared-no-tlb-flush.pspec").toAbsolutePath().normalize();
        Path json = dir.resolve("one.json");
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"check", "-q", "--json", json.toString(), spec.toString()},
                new PrintWriter(out, true), new PrintWriter(out, true));
        assertEquals(0, code, out.toString());
        JsonNode property = null;
        for (JsonNode p : new ObjectMapper().readTree(json.toFile()).get("specs").get(0).get("properties")) {
            if (p.get("name").asText().equals("no_fatal")) property = p;
        }
        JsonNode states = property.get("trace").get("states");
        JsonNode last = states.get(states.size() - 1);
        List<String> notes = new ArrayList<>();
        last.get("notes").forEach(n -> notes.add(n.asText()));
        StringWriter explained = new StringWriter();
        Main.run(new String[] {"explain", spec.toString(), "--property", "no_fatal"}, new PrintWriter(explained, true),
                new PrintWriter(new StringWriter(), true));
        String explainText = explained.toString().replaceAll("\\s+", " ");
        for (String prefix : new String[] {"kernel: ", "translation: CPU1 translated page 1", "page state: ", "rule: ",
                "outcome: "}) {
            String note = notes.stream().filter(n -> n.startsWith(prefix)).findFirst().orElse(null);
            assertTrue(note != null, prefix + " among " + notes);
            assertTrue(explainText.contains(note.replaceAll("\\s+", " ")), "explain shows it too: " + note);
        }
        assertTrue(last.get("outcome").asText().startsWith("td_exit_shared"), last.toString());
        assertTrue(states.get(0).get("notes").isEmpty(), "the initial state has no step");
    }

    @Test
    void everyTraceOfTheCatalogueReplaysToItsViolation() throws Exception {
        Path catalogue = Path.of("..", "specs", "catalog").toAbsolutePath().normalize();
        Path json = dir.resolve("run.json");
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"check", "-q", "--json", json.toString(), catalogue.toString()},
                new PrintWriter(out, true), new PrintWriter(out, true));
        assertEquals(0, code, out.toString());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        int replayed = 0;
        int lassos = 0;
        for (JsonNode spec : root.get("specs")) {
            Spec loaded = SpecFiles.loadOne(Path.of(spec.get("file").asText()), "check", new PrintWriter(out));
            for (JsonNode property : spec.get("properties")) {
                JsonNode trace = property.get("trace");
                assertEquals(property.get("actual").asText().equals("violated"), trace != null,
                        "a trace for exactly the violated properties: " + property);
                if (trace == null) continue;
                lassos += replay(loaded.config().newModel(), property.get("name").asText(), trace) ? 1 : 0;
                replayed++;
            }
        }
        assertTrue(replayed > 50, "traces replayed: " + replayed);
        System.out.println("JSON traces replayed: " + replayed + ", of them lassos: " + lassos);
    }

    /** Replays one trace; returns whether it was a lasso. */
    private static <S, A extends ModelAction> boolean replay(SystemModel<S, A> model, String name, JsonNode trace) {
        JsonNode states = trace.get("states");
        S state = model.initialState();
        assertEquals(object(states.get(0).get("state")), StateTrace.parts(model.describe(state)), name + ": state 0");
        List<S> visited = new ArrayList<>(List.of(state));
        for (int i = 1; i < states.size(); i++) {
            JsonNode step = states.get(i);
            Map<String, String> expected = object(step.get("state"));
            List<S> matches = new ArrayList<>();
            model.successors(state, (a, n) -> {
                if (a.actorName().equals(step.get("actor").asText()) && a.description().equals(step.get("action").asText())
                        && StateTrace.parts(model.describe(n)).equals(expected)) {
                    matches.add(n);
                }
            });
            assertFalse(matches.isEmpty(), name + ": step " + i + " (" + step.get("actor").asText() + ": "
                    + step.get("action").asText() + ") is not a step of the model from state " + (i - 1));
            state = matches.get(0);
            visited.add(state);
        }
        SystemProperty<S> property = model.property(PropertyName.bySpecName(name).orElseThrow());
        JsonNode loop = trace.get("loop");
        if (loop.isNull()) {
            assertFalse(property.holds().test(state), name + ": the last state violates it");
            return false;
        }
        assertTrue(property.isLiveness(), name + ": only a liveness property has a lasso");
        assertEquals(object(states.get(loop.asInt()).get("state")), StateTrace.parts(model.describe(state)),
                name + ": the cycle returns to state " + loop.asInt());
        for (int i = loop.asInt(); i < visited.size(); i++) {
            assertFalse(property.holds().test(visited.get(i)), name + ": the goal is false round the cycle");
        }
        return true;
    }

    private static Map<String, String> object(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
