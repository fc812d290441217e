package pagestate.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * The invariants still open at each level of a breadth-first search: the forms of a level's successors are
 * {@link TransitionSystem#canonical(Object, long)} with its mask (bit i: invariant i; from the 64th on
 * always open). Only an invariant whose closing may change the form ({@link TransitionSystem#formInvariants})
 * ever closes here, so a system whose forms watch no invariant keeps every level at {@code -1L}.
 */
final class OpenInvariants {

    private final long form;
    private final int count;
    /** Per level expanded (0: the initial states' successors), its mask. */
    private final List<Long> opens = new ArrayList<>();

    OpenInvariants(TransitionSystem<?, ?> system) {
        this.form = system.formInvariants();
        this.count = Math.min(64, system.invariants().size());
    }

    /**
     * Starts a level whose verdicts so far are {@code done} (its invariant slots: the first
     * {@code invariants().size()}) and returns its mask.
     */
    long startLevel(boolean[] done) {
        long open = -1L;
        for (int p = 0; p < count; p++) if (done[p] && (form >>> p & 1) != 0) open &= ~(1L << p);
        opens.add(open);
        return open;
    }

    /** Per level expanded, its mask; the initial states are stored with every invariant open. */
    long[] opens() {
        return opens.stream().mapToLong(Long::longValue).toArray();
    }

    /** Whether every level stored the forms of {@link TransitionSystem#canonical(Object)}: no invariant closed that changes them. */
    boolean formsConstant() {
        for (long open : opens) if (open != -1L) return false;
        return true;
    }
}
