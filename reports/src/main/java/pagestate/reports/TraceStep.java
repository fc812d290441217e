package pagestate.reports;

import java.util.List;
import java.util.Objects;

/**
 * One step of a counterexample, as a reader sees it.
 *
 * @param number    the step's number as shown (1 for the first step)
 * @param lane      the lane (column) it happens in, one of the trace's lanes, e.g. "CPU1" or "host"
 * @param actor     who acts, e.g. "CPU1 zeropad" or "CPU0 converter"
 * @param action    what it does, e.g. "load_unaligned_zeropad page 0 -> page 1"
 * @param changes   only the state that changed, one line each, e.g. "PTE direct[p1]: present 1->0";
 *                  empty when nothing visible changed
 * @param violating true for the step that reaches the bad state
 * @param outcome   what the access yielded, e.g. "TD exit (private access to a shared page): fatal";
 *                  null when there is nothing to say
 */
public record TraceStep(int number, String lane, String actor, String action, List<String> changes,
                        boolean violating, String outcome) {

    public TraceStep {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        changes = List.copyOf(changes);
    }
}
