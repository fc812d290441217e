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
 * @param notes     why, one sentence each: the kernel code the step stands for, what an access used
 *                  ("translation: CPU1 translated page 1 with its TLB entry ..."), why nothing changed;
 *                  empty when the model says nothing more
 *
 * <p>Step 0, when there is one, is the initial state of what the violation involves: its
 * {@code changes} are that state's lines.</p>
 */
public record TraceStep(int number, String lane, String actor, String action, List<String> changes,
                        boolean violating, String outcome, List<String> notes) {

    public TraceStep {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /** A step without notes. */
    public TraceStep(int number, String lane, String actor, String action, List<String> changes,
                     boolean violating, String outcome) {
        this(number, lane, actor, action, changes, violating, outcome, List.of());
    }

    /** Whether this is step 0, the initial state. */
    public boolean initial() {
        return number == 0;
    }
}
