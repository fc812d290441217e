package pagestate.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run as JSON for scripts, in a fixed shape:
 * <pre>{"tool","version","summary":{"passed","failed","incomplete"},"specs":[{"file","name","platform",
 * "complete","stats":{...},"coverage":{...},"properties":[{"name","expected","actual","met","trace_length",
 * "outcome","trace":{"loop","states":[{"index","actor","action","state":{...}}]}}]}],
 * "errors":[{"spec","file","line","column","message"}]}</pre>
 * ({@code errors}: one per error of a spec that could not be checked; line and column 0 when unknown).
 * A trace (only for a violated property) is in the spirit of Apalache's ITF: state 0 is the initial
 * state (actor and action null), each later one the state after its step; "loop" is the index of the
 * state a lasso returns to after its last step, or null.
 * Written with Jackson; the characters less-than, greater-than and ampersand are written as unicode escapes,
 * so the text is also safe to inline into an HTML page.
 */
public final class JsonReport {

    private JsonReport() {
    }

    /** The report as indented JSON text. */
    public static String toJson(RunReport report) {
        try {
            return mapper().writeValueAsString(tree(report)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON report", e);
        }
    }

    /** Writes {@link #toJson} to {@code file} (UTF-8), creating parent directories. */
    public static void write(RunReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
    }

    static ObjectNode tree(RunReport report) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("tool", report.tool());
        root.put("version", report.version());
        Summary summary = report.summary();
        ObjectNode counts = root.putObject("summary");
        counts.put("passed", summary.passed());
        counts.put("failed", summary.failed());
        counts.put("incomplete", summary.incomplete());
        ArrayNode specs = root.putArray("specs");
        for (SpecReport spec : report.specs()) {
            spec(specs.addObject(), spec);
        }
        ArrayNode errors = root.putArray("errors");
        for (InvalidSpec e : report.errors()) {
            ObjectNode node = errors.addObject();
            node.put("spec", e.spec());
            node.put("file", e.file());
            node.put("line", e.line());
            node.put("column", e.column());
            node.put("message", e.message());
        }
        return root;
    }

    private static void spec(ObjectNode node, SpecReport spec) {
        node.put("file", spec.file());
        node.put("name", spec.name());
        node.put("platform", spec.platform());
        node.put("complete", spec.complete());
        RunStats stats = spec.stats();
        ObjectNode figures = node.putObject("stats");
        figures.put("distinct_states", stats.distinctStates());
        figures.put("transitions", stats.transitions());
        figures.put("max_depth", stats.maxDepth());
        figures.put("seconds", stats.seconds());
        figures.put("states_per_second", stats.statesPerSecond());
        figures.put("bytes_per_state", stats.bytesPerState());
        figures.put("reduction", stats.reduction());
        coverage(node.putObject("coverage"), spec.coverage());
        ArrayNode properties = node.putArray("properties");
        for (PropertyReport property : spec.properties()) {
            ObjectNode p = properties.addObject();
            p.put("name", property.name());
            p.put("expected", property.expected() == null ? null : property.expected().word());
            p.put("actual", property.actual().word());
            p.put("met", property.met());
            p.put("trace_length", property.trace() == null ? null : property.trace().length());
            p.put("outcome", property.outcome());
            if (property.states() != null) {
                trace(p.putObject("trace"), property.states());
            }
        }
    }

    /**
     * {"measured", "actors": [{"name", "fired"}], "steps": [...], "actions": [{"actor", "action", "fired"}],
     * "warnings": ["step 3 (...) never fired"]}.
     */
    private static void coverage(ObjectNode node, Coverage coverage) {
        node.put("measured", coverage.measured());
        for (String kind : new String[] {"actors", "steps"}) {
            ArrayNode list = node.putArray(kind);
            for (Coverage.Count count : kind.equals("actors") ? coverage.actors() : coverage.steps()) {
                list.addObject().put("name", count.name()).put("fired", count.fired());
            }
        }
        ArrayNode actions = node.putArray("actions");
        for (Coverage.Action action : coverage.actions()) {
            actions.addObject().put("actor", action.actor()).put("action", action.action()).put("fired", action.fired());
        }
        ArrayNode warnings = node.putArray("warnings");
        coverage.warnings().forEach(warnings::add);
    }

    /**
     * {"loop": null or an index, "states": [{"index", "actor", "action", "outcome", "notes": [...],
     * "state": {...}}]}.
     */
    private static void trace(ObjectNode node, StateTrace trace) {
        if (trace.loop() >= 0) {
            node.put("loop", trace.loop());
        } else {
            node.putNull("loop");
        }
        ArrayNode states = node.putArray("states");
        for (int i = 0; i < trace.states().size(); i++) {
            StateTrace.State state = trace.states().get(i);
            ObjectNode s = states.addObject();
            s.put("index", i);
            s.put("actor", state.actor());
            s.put("action", state.action());
            s.put("outcome", state.outcome());
            ArrayNode notes = s.putArray("notes");
            state.notes().forEach(notes::add);
            ObjectNode values = s.putObject("state");
            state.values().forEach(values::put);
        }
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
        mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return mapper;
    }

    /** Standard JSON escapes plus {@code < > &} as unicode escapes. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] table;

        HtmlSafeEscapes() {
            table = CharacterEscapes.standardAsciiEscapesForJSON();
            table['<'] = CharacterEscapes.ESCAPE_STANDARD;
            table['>'] = CharacterEscapes.ESCAPE_STANDARD;
            table['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // no custom escapes: ESCAPE_STANDARD above writes u003c and the like
        }
    }
}
