package pagestate.model;

import java.util.List;
import java.util.Objects;

/**
 * A counterexample retold by the model that knows its cause: step 0 (the initial state of what the
 * violation involves), then the steps, with the hardware's own moves split out of the actors' steps,
 * each step with notes saying what it used, why it changed nothing, or which kernel code it stands for.
 *
 * @param initial the lines of step 0, e.g. "PTE direct[p1]: present private"
 * @param steps   the steps in order
 */
public record TraceStory(List<String> initial, List<Step> steps) {

    public TraceStory {
        initial = List.copyOf(initial);
        steps = List.copyOf(steps);
    }

    /**
     * One step as shown.
     *
     * @param source  the index of the trace step this step shows (a split-off hardware move has the index of
     *                the step it was split from, and is shown next to it)
     * @param split   whether this is a hardware move split off the trace step {@code source}
     * @param lane    the diagram lane, e.g. "CPU1" or "hardware"
     * @param actor   who acts
     * @param action  what it does
     * @param changes what changed, one item each
     * @param outcome the outcome text when it was not ok, or null
     * @param notes   why, one sentence each: what an access used and the rule it met, why nothing changed,
     *                the kernel code the step stands for
     */
    public record Step(int source, boolean split, String lane, String actor, String action, List<String> changes,
                       String outcome, List<String> notes) {
        public Step {
            Objects.requireNonNull(lane, "lane");
            changes = List.copyOf(changes);
            notes = List.copyOf(notes);
        }
    }
}
