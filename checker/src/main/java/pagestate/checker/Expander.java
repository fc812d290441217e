package pagestate.checker;

import java.util.List;

/**
 * The one expand-and-evaluate step every search strategy shares: decode a stored state, evaluate the
 * safety properties not yet violated, report its successors encoded and fingerprinted, and detect a
 * deadlock. One instance per worker (it owns scratch buffers).
 *
 * <p>Property slots: {@code 0 .. invariants-1} are the invariants, slot {@code invariants} is the
 * deadlock check.
 */
final class Expander<S, A> {

    /** Receives each successor of the state being expanded. */
    interface Emit {
        void successor(int parent, int action, long fp, long[] words, int offset);
    }

    private final TransitionSystem<S, A> system;
    private final StateCodec<S> codec;
    private final List<Invariant<S>> invariants;
    private final boolean checkDeadlock;
    private final int width;
    private final long[] scratch;
    private final Sink sink = new Sink();

    Expander(TransitionSystem<S, A> system, List<Invariant<S>> invariants, boolean checkDeadlock) {
        this.system = system;
        this.codec = system.codec();
        this.invariants = invariants;
        this.checkDeadlock = checkDeadlock;
        this.width = codec.words();
        this.scratch = new long[width];
    }

    int slots() {
        return invariants.size() + 1;
    }

    int deadlockSlot() {
        return invariants.size();
    }

    /**
     * Evaluates the properties whose {@code done[slot]} is false on state {@code index} (stored at
     * {@code frontier[offset..]}), reporting each violation as {@code firstViolation[slot] = index} when
     * that slot is still -1; then expands it. Returns the number of successors.
     */
    int expand(long[] frontier, int offset, int index, boolean[] done, int[] firstViolation, Emit emit) {
        S state = codec.decode(frontier, offset);
        evaluate(state, index, done, firstViolation);
        sink.reset(index, emit);
        system.successors(state, sink);
        int n = sink.count;
        int d = deadlockSlot();
        if (n == 0 && checkDeadlock && !done[d] && firstViolation[d] < 0 && !system.isTerminal(state)) {
            firstViolation[d] = index;
        }
        return n;
    }

    /** Evaluates the invariants only (for states that are counted but will not be expanded). */
    void evaluate(long[] frontier, int offset, int index, boolean[] done, int[] firstViolation) {
        evaluate(codec.decode(frontier, offset), index, done, firstViolation);
    }

    private void evaluate(S state, int index, boolean[] done, int[] firstViolation) {
        for (int p = 0; p < invariants.size(); p++) {
            if (!done[p] && firstViolation[p] < 0 && !invariants.get(p).holds().test(state)) {
                firstViolation[p] = index;
            }
        }
    }

    private final class Sink implements TransitionSystem.SuccessorSink<S, A> {
        int parent;
        int count;
        Emit emit;

        void reset(int parent, Emit emit) {
            this.parent = parent;
            this.count = 0;
            this.emit = emit;
        }

        @Override
        public void accept(A action, S next) {
            int a = count++;
            if (a > 0xFFFF) throw new IllegalStateException("more than 65536 successors in one state");
            codec.encode(next, scratch, 0);
            emit.successor(parent, a, Fingerprints.of(scratch, 0, width), scratch, 0);
        }
    }
}
