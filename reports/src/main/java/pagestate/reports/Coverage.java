package pagestate.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How often each actor and each step of the (first) converter's program fired while the spec was
 * explored, as TLC prints per action: an actor or a step that never fired means the spec cannot do what
 * its author thinks (a step after a fatal outcome, a reader that never gets to run).
 *
 * @param actors   transitions generated per actor, in the model's actor order
 * @param steps    per step of the first converter's program (in program order), how often it fired; empty
 *                 for a system without one
 * @param actions  per actor (in actor order) and kind of action it did (by name), how often it fired: the
 *                 converters' operations, each reader's load, the hardware's TLB and cache fills and
 *                 evictions, the host's and the device's accesses
 * @param measured false when the counts cannot be trusted to be whole (then nothing is warned about)
 */
public record Coverage(List<Count> actors, List<Count> steps, List<Action> actions, boolean measured) {

    /** How often one actor did one kind of action. */
    public record Action(String actor, String action, long fired) {
        public Action {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
        }
    }

    public Coverage(List<Count> actors, List<Count> steps, boolean measured) {
        this(actors, steps, List.of(), measured);
    }

    /** One actor or step and how often it fired. */
    public record Count(String name, long fired) {
        public Count {
            Objects.requireNonNull(name, "name");
            if (fired < 0) {
                throw new IllegalArgumentException("negative count for " + name);
            }
        }
    }

    public Coverage {
        actors = List.copyOf(actors);
        steps = List.copyOf(steps);
        actions = List.copyOf(actions);
    }

    /** No coverage measured. */
    public static Coverage none() {
        return new Coverage(List.of(), List.of(), false);
    }

    /** One line per actor and step that never fired, e.g. "step 3 (flush_tlb) never fired". */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (!measured) {
            return warnings;
        }
        for (Count actor : actors) {
            if (actor.fired() == 0) {
                warnings.add("actor " + actor.name() + " never fired");
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).fired() == 0) {
                warnings.add("step " + (i + 1) + " (" + steps.get(i).name() + ") never fired");
            }
        }
        return warnings;
    }
}
