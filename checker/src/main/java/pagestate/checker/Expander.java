package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one expand-and-evaluate step every search strategy shares: decode a stored state, evaluate the
 * safety properties not yet violated, report its successors encoded and fingerprinted (in canonical form
 * under symmetry reduction; only a persistent set of them under partial-order reduction, see
 * {@link Independence}), and detect a deadlock. One instance per worker (it owns scratch buffers).
 *
 * <p>Property slots: {@code 0 .. invariants-1} are the invariants, slot {@code invariants} is the
 * deadlock check. Action indices are always positions among <em>all</em> enabled actions, so traces
 * replay in the unreduced system.
 */
final class Expander<S, A> {

    /** Receives each successor of the state being expanded. */
    interface Emit {
        void successor(int parent, int action, long fp, long[] words, int offset);
    }

    /** Whether a state was stored before the level being expanded (depth at most the current one). */
    interface Stored {
        boolean before(long fp, long[] words, int offset);
    }

    private final TransitionSystem<S, A> system;
    private final StateCodec<S> codec;
    private final List<Invariant<S>> invariants;
    private final boolean checkDeadlock;
    private final boolean symmetry;
    /** The invariants still open at this level ({@link TransitionSystem#canonical(Object, long)}). */
    private long open = -1L;
    private final PersistentSets<S, A> persistent;
    private final Stored stored;
    private final int width;
    private final long[] scratch;
    /**
     * What a worker writes for every successor is kept in arrays, at least 64 bytes ({@link
     * LevelChunk.Arena#PAD} ints) from either end, as the arena does: the collector moves the workers'
     * objects next to each other, and a cache line two workers write to costs each a miss per write.
     */
    private static final int HOT_PAD = LevelChunk.Arena.PAD;
    private static final int PARENT = HOT_PAD;
    private static final int COUNT = HOT_PAD + 1;
    private final Sink sink = new Sink();
    private final List<A> actions = new ArrayList<>();
    private final List<S> nexts = new ArrayList<>();
    private long[] words = new long[64];
    private long[] fps = new long[64];
    private int[] units = new int[64];
    private int[] actors = new int[64];
    private final Collect collect = new Collect();
    /** The time limit between successors of one state (set by the search that owns this expander). */
    final SuccessorPoll poll = new SuccessorPoll();
    /** Records the graph for liveness ({@link EdgeRecording}), or null. */
    private final EdgeRecording.Worker recording;
    private final int goals;
    /** Whether the state being expanded has its successors recorded. */
    private boolean recordEdges;

    /**
     * @param persistent partial-order reduction (null for none)
     * @param stored     what the cycle proviso asks; used only with {@code persistent}
     */
    Expander(TransitionSystem<S, A> system, List<Invariant<S>> invariants, boolean checkDeadlock, boolean symmetry,
             PersistentSets<S, A> persistent, Stored stored) {
        this(system, invariants, checkDeadlock, symmetry, persistent, stored, null);
    }

    /** @param recording records every expanded state and its successors for liveness (null for none) */
    Expander(TransitionSystem<S, A> system, List<Invariant<S>> invariants, boolean checkDeadlock, boolean symmetry,
             PersistentSets<S, A> persistent, Stored stored, EdgeRecording.Worker recording) {
        this.recording = recording;
        this.goals = recording != null ? system.liveness().size() : 0;
        this.system = system;
        this.codec = system.codec();
        this.invariants = invariants;
        this.checkDeadlock = checkDeadlock;
        this.symmetry = symmetry;
        this.persistent = persistent;
        this.stored = stored;
        this.width = codec.words();
        // written for every successor: 16 spare words keep the next object, often another worker's, off its cache line
        this.scratch = new long[width + 16];
    }

    Expander(TransitionSystem<S, A> system, List<Invariant<S>> invariants, boolean checkDeadlock) {
        this(system, invariants, checkDeadlock, false, null, null);
    }

    /** The invariants still open (bit i: invariant i) for the canonical forms of the successors it reports from now on. */
    void open(long open) {
        this.open = open;
    }

    /** Whether it reports persistent subsets (partial-order reduction). */
    boolean reduced() {
        return persistent != null;
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
     * that slot is still -1; then expands it. Returns the number of successors reported.
     */
    int expand(long[] frontier, int offset, int index, boolean[] done, int[] firstViolation, Emit emit) {
        S state = evaluateEncoded(frontier, offset, index, done, firstViolation) ? null : codec.decode(frontier, offset);
        if (state != null) evaluate(state, index, done, firstViolation);
        if (recording != null) begin(frontier, offset);
        int n;
        boolean deadEnd;
        if (persistent == null) {
            sink.reset(index, emit);
            if (!system.encodedSuccessors(frontier, offset, symmetry, open, sink)) {
                if (state == null) state = codec.decode(frontier, offset);
                system.successors(state, sink);
            }
            n = sink.hot[COUNT];
            deadEnd = n == 0;
        } else if (system.encodedUnits()) {
            if (state == null && !persistent.encodedFootprints()) state = codec.decode(frontier, offset);
            n = expandReducedEncoded(frontier, offset, state, index, done, emit);
            deadEnd = collect.hot[COUNT] == 0;
        } else {
            if (state == null) state = codec.decode(frontier, offset);
            n = expandReduced(state, index, done, emit);
            deadEnd = actions.isEmpty();
        }
        int d = deadlockSlot();
        if (recording != null) recording.end();
        if (deadEnd && checkDeadlock && !done[d] && firstViolation[d] < 0
                && !system.isTerminal(state != null ? state : codec.decode(frontier, offset))) {
            firstViolation[d] = index;
        }
        return n;
    }

    /**
     * Starts the state's record ({@link EdgeRecording}): its fingerprint and which liveness goals are false
     * in it, on the encoded words ({@link TransitionSystem#encodedGoal}; a goal the system cannot tell there
     * gives the recording up: no goal costs the safety search a decoded state).
     */
    private void begin(long[] frontier, int offset) {
        long live = 0;
        for (int g = 0; g < goals; g++) {
            int holds = system.encodedGoal(g, frontier, offset);
            if (holds < 0) {
                recording.giveUp();
                recordEdges = false;
                return;
            }
            if (holds == 0) live |= 1L << g;
        }
        recordEdges = recording.begin(Fingerprints.of(frontier, offset, width), live);
    }

    /** Evaluates the invariants only (for states that are counted but will not be expanded). */
    void evaluate(long[] frontier, int offset, int index, boolean[] done, int[] firstViolation) {
        if (!evaluateEncoded(frontier, offset, index, done, firstViolation)) {
            evaluate(codec.decode(frontier, offset), index, done, firstViolation);
        }
    }

    /**
     * Evaluates the open invariants on the encoded state ({@link TransitionSystem#encodedHolds}); false when
     * the system does not provide one of them (the caller then evaluates on the decoded state; slots already
     * set stay set).
     */
    private boolean evaluateEncoded(long[] frontier, int offset, int index, boolean[] done, int[] firstViolation) {
        for (int p = 0; p < invariants.size(); p++) {
            if (done[p] || firstViolation[p] >= 0) continue;
            int holds = system.encodedHolds(p, frontier, offset);
            if (holds < 0) return false;
            if (holds == 0) firstViolation[p] = index;
        }
        return true;
    }

    private void evaluate(S state, int index, boolean[] done, int[] firstViolation) {
        for (int p = 0; p < invariants.size(); p++) {
            if (!done[p] && firstViolation[p] < 0 && !invariants.get(p).holds().test(state)) {
                firstViolation[p] = index;
            }
        }
    }

    /** Gathers every successor, then reports the smallest persistent set that passes the provisos (or all). */
    private int expandReduced(S state, int index, boolean[] done, Emit emit) {
        actions.clear();
        nexts.clear();
        system.successors(state, (a, next) -> {
            poll.tick();
            if (actions.size() > 0xFFFF) throw new IllegalStateException("more than 65536 successors in one state");
            actions.add(a);
            nexts.add(next);
        });
        int n = actions.size();
        room(n);
        for (int i = 0; i < n; i++) {
            codec.encode(symmetry ? system.canonical(nexts.get(i), open) : nexts.get(i), words, i * width);
            fps[i] = Fingerprints.of(words, i * width, width);
        }
        if (recordEdges) {
            for (int i = 0; i < n; i++) recording.edge(fps[i], i, system.actorOf(actions.get(i)));
        }
        int[] chosen = n > 1 ? choose(state, done) : null;
        if (chosen == null) {
            for (int i = 0; i < n; i++) emit.successor(index, i, fps[i], words, i * width);
            return n;
        }
        for (int i : chosen) emit.successor(index, i, fps[i], words, i * width);
        return chosen.length;
    }

    private int[] choose(S state, boolean[] done) {
        for (int[] set : persistent.candidates(state, actions, done)) {
            if (provisoHolds(set)) return set;
        }
        return null;
    }

    /**
     * {@link #expandReduced} on the system's encoded successors with their units
     * ({@link TransitionSystem#encodedUnits}): no state object per successor.
     */
    private int expandReducedEncoded(long[] frontier, int offset, S state, int index, boolean[] done, Emit emit) {
        collect.hot[COUNT] = 0;
        system.encodedSuccessors(frontier, offset, symmetry, open, collect);
        int n = collect.hot[COUNT];
        if (recordEdges) {
            for (int i = 0; i < n; i++) recording.edge(fps[i], i, actors[i]);
        }
        int[] chosen = null;
        if (n > 1) {
            List<int[]> candidates = state != null ? persistent.candidates(state, units, n, done)
                    : persistent.candidates(frontier, offset, units, n, done);
            for (int[] set : candidates) {
                if (provisoHolds(set)) {
                    chosen = set;
                    break;
                }
            }
        }
        if (chosen == null) {
            for (int i = 0; i < n; i++) emit.successor(index, i, fps[i], words, i * width);
            return n;
        }
        for (int i : chosen) emit.successor(index, i, fps[i], words, i * width);
        return chosen.length;
    }

    private void room(int n) {
        if (words.length < n * width) {
            int size = Math.max(n * width, words.length * 2);
            if (size > 1 << 23) poll.beforeAllocating(8L * size);   // 64 MB or more: seconds on a slow machine
            words = Arrays.copyOf(words, size);
        }
        if (fps.length < n) {
            fps = Arrays.copyOf(fps, Math.max(n, fps.length * 2));
            units = Arrays.copyOf(units, fps.length);
            actors = Arrays.copyOf(actors, fps.length);
        }
    }

    /** Gathers encoded successors with their units into {@link #words}, {@link #fps} and {@link #units}. */
    private final class Collect implements TransitionSystem.EncodedSink {
        /** The successors so far, at {@code COUNT}. */
        final int[] hot = new int[2 * HOT_PAD + 2];

        @Override
        public long[] buffer() {
            return scratch;
        }

        @Override
        public void accept() {
            throw new IllegalStateException("encodedUnits() is true, but a successor came without its unit");
        }

        @Override
        public void accept(int unit) {
            accept(unit, -1);   // an unknown actor: a recording gives up
        }

        @Override
        public void accept(int unit, int actor) {
            poll.tick();
            int i = hot[COUNT]++;
            if (i > 0xFFFF) throw new IllegalStateException("more than 65536 successors in one state");
            room(i + 1);
            System.arraycopy(scratch, 0, words, i * width, width);
            fps[i] = Fingerprints.of(scratch, 0, width);
            units[i] = unit;
            actors[i] = actor;
        }
    }

    /** Cycle proviso for breadth-first search: every successor in the set is deeper than the state. */
    private boolean provisoHolds(int[] set) {
        for (int i : set) {
            if (stored.before(fps[i], words, i * width)) return false;
        }
        return true;
    }

    private final class Sink implements TransitionSystem.SuccessorSink<S, A>, TransitionSystem.EncodedSink {
        /** The parent's index and the successors so far, at {@code PARENT} and {@code COUNT}. */
        final int[] hot = new int[2 * HOT_PAD + 2];
        Emit emit;

        void reset(int parent, Emit emit) {
            hot[PARENT] = parent;
            hot[COUNT] = 0;
            if (this.emit != emit) this.emit = emit;   // written only when it changes: read for every successor
        }

        @Override
        public void accept(A action, S next) {
            poll.tick();
            int a = hot[COUNT]++;
            if (a > 0xFFFF) throw new IllegalStateException("more than 65536 successors in one state");
            codec.encode(symmetry ? system.canonical(next, open) : next, scratch, 0);
            long fp = Fingerprints.of(scratch, 0, width);
            if (recordEdges) recording.edge(fp, a, system.actorOf(action));
            emit.successor(hot[PARENT], a, fp, scratch, 0);
        }

        @Override
        public long[] buffer() {
            return scratch;
        }

        @Override
        public void accept() {
            accept(0, -1);   // an unknown actor: a recording gives up
        }

        @Override
        public void accept(int unit) {
            accept(unit, -1);
        }

        @Override
        public void accept(int unit, int actor) {
            poll.tick();
            int a = hot[COUNT]++;
            if (a > 0xFFFF) throw new IllegalStateException("more than 65536 successors in one state");
            long fp = Fingerprints.of(scratch, 0, width);
            if (recordEdges) recording.edge(fp, a, actor);
            emit.successor(hot[PARENT], a, fp, scratch, 0);
        }
    }
}
