package pagestate.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A counterexample for machines, in the spirit of Apalache's ITF traces: the initial state, then per
 * step the actor, the action and the whole state after it, each state an object of named parts
 * ("page 0" to "private-accepted, secret, cache clean", "CPU1 TLB" to ...). Written into the JSON report,
 * so that CI tools can show, diff and replay a counterexample.
 *
 * @param states the initial state (actor and action null) and the state after each step, in order
 * @param loop   -1, or the index into {@code states} of the state a lasso's last step returns to
 */
public record StateTrace(List<State> states, int loop) {

    /**
     * One state of the trace and the step that led to it.
     *
     * @param actor  who acted, e.g. "CPU1 zeropad"; null for the initial state
     * @param action what it did, e.g. "load_unaligned_zeropad page 0 -> page 1"; null for the initial state
     * @param values  the state's parts by name, in the model's order
     * @param outcome what the step met when it was not ok ("td_exit_shared: TD exit: ..."), or null
     * @param notes   why, one sentence each, as {@code explain} shows them: the kernel code the step stands
     *                for, the translation an access used, the page's state, the rule it met, its outcome;
     *                a hardware move the model tells apart from the step comes first ("hardware: ...")
     */
    public record State(String actor, String action, Map<String, String> values, String outcome, List<String> notes) {
        public State {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            notes = List.copyOf(notes);
        }

        /** A state without notes. */
        public State(String actor, String action, Map<String, String> values) {
            this(actor, action, values, null, List.of());
        }
    }

    public StateTrace {
        states = List.copyOf(states);
        if (states.isEmpty()) {
            throw new IllegalArgumentException("a trace has at least its initial state");
        }
        if (loop < -1 || loop >= states.size()) {
            throw new IllegalArgumentException("loop " + loop + " outside the " + states.size() + " states");
        }
        Objects.requireNonNull(states.get(0).values(), "initial state");
    }

    /**
     * A state's text, one "name: value" line per part, as an ordered map; a line without ": " is kept
     * whole under its line number, and a repeated name gets " (2)", " (3)" appended.
     */
    public static Map<String, String> parts(String description) {
        Map<String, String> parts = new LinkedHashMap<>();
        int number = 0;
        for (String line : description.split("\n")) {
            number++;
            if (line.isBlank()) continue;
            int colon = line.indexOf(": ");
            String name = colon > 0 ? line.substring(0, colon).strip() : "line " + number;
            String value = colon > 0 ? line.substring(colon + 2).strip() : line.strip();
            String key = name;
            for (int k = 2; parts.containsKey(key); k++) key = name + " (" + k + ")";
            parts.put(key, value);
        }
        return parts;
    }
}
