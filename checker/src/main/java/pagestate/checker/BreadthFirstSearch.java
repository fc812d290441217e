package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Level-synchronous breadth-first search over fingerprints (or exact states), giving state indices
 * in sequential BFS order whatever the number of workers.
 *
 * <p>A level is processed in blocks of consecutive parents (frontier order), each of about as many
 * successors as {@link BlockSizer} allows, so that its transient memory stays bounded. Per block: (1) workers
 * expand disjoint chunks of the block with the shared {@link Expander}, keeping every successor as a
 * candidate (the visited set is not touched); (2) {@link SortedInsertion} filters the candidates in
 * fingerprint order, each bucket of fingerprints on one worker, equal fingerprints in discovery order,
 * so the winner, the first of a new state, is its sequential BFS discovery (minimum claim key = parent
 * index, action index; earlier blocks hold smaller parents and added theirs first); (3) the
 * allocations for the new states and the count of each chunk's winners share one balanced pass, and
 * the table takes the winners, each worker its own fingerprint range; (4) winners get indices by a
 * prefix sum over chunks, after the earlier blocks' ones, and are written to the trace store and
 * appended to the next frontier. A property's counterexample is its first violating state: minimum
 * depth, then index.
 *
 * <p>Reductions: under symmetry the stored states are canonical forms; under partial-order reduction
 * the {@link Expander} reports a persistent subset of the successors; its cycle proviso asks whether a
 * successor was stored before the level ({@link StoredBeforeLevel}).
 *
 * <p>Memory: the frontiers are pages of encoded words ({@link Frontier}) that spill to file when the
 * search holds much ({@link SearchMemory}); a block whose allocations would not fit stops the run.
 */
final class BreadthFirstSearch<S, A> {

    private final TransitionSystem<S, A> system;
    private final CheckerConfig config;
    private final RunLimits limits;
    private final int width;
    /** The visited set; null once the search is over ({@link #release}). */
    private StateTable table;
    private final TraceStore store = new TraceStore();
    private final Workers workers;
    private final List<Expander<S, A>> expanders = new ArrayList<>();
    /** Per level expanded, the invariants still open then ({@link #opens()}). */
    private final OpenInvariants opens;
    private final String mode;
    private final SearchMemory memory;
    private final EdgeRecording recording;   // null: liveness is not recorded
    /** The most bytes the search held at once (see {@link SearchMemory}), taken when it ends. */
    private long bytesHeld;
    /** Frontier pages written to file, taken when the search ends. */
    private long spilledPages;
    private final List<LevelChunk> chunks = new ArrayList<>();
    private final List<LevelChunk.Arena> arenas = new ArrayList<>();
    private SortedInsertion insertion;
    private BlockExpansion<S, A> expansion;
    private BlockCommit commit;
    private final int slots;
    private final int[] firstViolation;
    private final boolean[] done;
    private long stored;
    private long transitions;
    private int maxDepth;
    private boolean complete;
    private final ProgressTicker ticker;
    private final BlockSizer sizer;
    /** The run's spill files (the frontiers' pages when the heap is short). */
    private final SpillFolder spillFolder = new SpillFolder();
    /** The level being expanded and the next one being filled; swapped after each level. */
    private Frontier current;
    private Frontier next;
    /** The cycle proviso's view of the visited set. */
    private final StoredBeforeLevel before;
    private final PhaseClock clock;

    /**
     * @param recording records the expanded states and their successors for liveness (null for none)
     * @param clock takes the phases' times ({@link PhaseClock}), block after block
     */
    BreadthFirstSearch(TransitionSystem<S, A> system, CheckerConfig config, RunLimits limits, Workers workers,
                       SearchTuning tuning, EdgeRecording recording, PhaseClock clock) {
        this.clock = clock;
        this.ticker = new ProgressTicker(config.progress(), limits);
        this.system = system;
        this.config = config;
        this.limits = limits;
        this.workers = workers;
        this.width = system.codec().words();
        this.opens = new OpenInvariants(system);
        this.sizer = new BlockSizer(tuning.blockCandidates(), workers.count(), width);
        this.recording = recording;
        // the recording has its own budget; the search's arrays share what is left of the heap
        long heap = Runtime.getRuntime().maxMemory();
        this.memory = new SearchMemory(config.maxHeapFraction(), tuning.spillBytes(),
                heap - (recording != null ? Math.min(recording.budget(), heap / 4) : 0));
        this.table = config.exact() ? new ExactTable(width, 1 << 12) : new FingerprintTable(1 << 12);
        this.mode = table.mode();
        this.before = new StoredBeforeLevel(table, config.exact(), width);
        Independence<S, A> independence = config.por() ? system.independence() : null;
        boolean reduced = independence != null;
        this.insertion = new SortedInsertion(workers, width, table);
        for (int w = 0; w < workers.count(); w++) {
            arenas.add(new LevelChunk.Arena(width, !config.exact()));
            PersistentSets<S, A> persistent = reduced ? new PersistentSets<>(independence, system.invariants().size()) : null;
            expanders.add(new Expander<>(system, system.invariants(), config.checkDeadlock(), config.symmetry(),
                    persistent, before, recording != null ? recording.worker(w) : null));
        }
        this.slots = expanders.get(0).slots();
        this.firstViolation = new int[slots];
        Arrays.fill(firstViolation, -1);
        this.done = new boolean[slots];
        this.expansion = new BlockExpansion<>(workers, expanders, chunks, arenas, limits, width, slots,
                new CompilerShare(tuning.compilerShare(), workers.count()));
        this.commit = new BlockCommit(workers, chunks, insertion, store, table, width);
        this.current = new Frontier(width, tuning.frontierPageShift(), spillFolder);
        this.next = new Frontier(width, tuning.frontierPageShift(), spillFolder);
    }

    /** Runs the search; afterwards the accessors describe it. */
    void run() {
        ticker.start();
        try {
            if (limits.checkTime() || !initialLevel()) return;   // the time may be over before the search
            int levelStart = 0;
            int level = 0;
            while (true) {
                int levelSize = (int) (stored - levelStart);
                if (levelSize == 0) {
                    complete = true;
                    return;
                }
                maxDepth = level;
                if (!expandLevel(levelStart, levelSize, level)) return;
                levelStart += levelSize;
                Frontier expanded = current;
                current = next;
                next = expanded;
                level++;
            }
        } catch (OutOfMemoryError e) {
            limits.stopForMemory();
        } catch (java.io.UncheckedIOException e) {
            // the frontier could not be spilled or read back (a full disk): the heap was short
            limits.stop("memory (" + e.getMessage() + ": " + e.getCause().getMessage() + ")");
        } finally {
            release();
        }
    }

    /**
     * When the search ends: from here on only the trace data and the figures are used (verdicts, traces,
     * liveness passes), so the visited set, the frontiers (and their spill files) and the level buffers
     * are left to the collector, also after a run stopped by a limit or out of memory.
     */
    private void release() {
        try {
            memory.note(held());
        } catch (RuntimeException | OutOfMemoryError e) {
            // the figures keep the peak noted so far
        }
        // the recording for liveness only grows: its final size is its peak (its budget is apart from the search's)
        bytesHeld = memory.peak() + (recording != null ? recording.bytes() : 0);
        table = null;
        before.release();
        insertion = null;
        expansion = null;
        commit = null;
        arenas.clear();
        chunks.clear();
        expanders.clear();
        spilledPages = current.spilledPages() + next.spilledPages();
        current.close();
        next.close();
        spillFolder.close();
    }

    /** Stores the initial states as level 0; false when a limit stopped the run. */
    private boolean initialLevel() {
        StateCodec<S> codec = system.codec();
        List<S> initial = system.initialStates();
        current.reserve(initial.size());
        long[] w = new long[width];
        store.startLevel(0);
        int n = 0;
        for (int pos = 0; pos < initial.size(); pos++) {
            codec.encode(config.symmetry() ? system.canonical(initial.get(pos), -1L) : initial.get(pos), w, 0);
            table.reserve(n + 1);
            if (table.insert(Fingerprints.of(w, 0, width), w, 0)) {
                if (limits.overStates(n + 1)) {
                    limits.stopForStates();
                    break;
                }
                store.reserve(n + 1);
                store.set(n, -1 - pos, 0);
                System.arraycopy(w, 0, current.words(n), current.offset(n), width);
                n++;
            }
        }
        stored = n;
        current.setCount(n);
        if (limits.stopped()) {
            expansion.evaluateOnly(current, 0, done, firstViolation);
            return false;
        }
        return true;
    }

    /**
     * Expands one level, block after block, into {@link #next}; false when a limit stopped the run. A block
     * is expanded, sorted, filtered against the table (which holds the earlier blocks' new states) and
     * merged before the next; the first discovery of a state is in the first block that reaches it, so
     * indices, traces and counts are those of one block per level.
     */
    private boolean expandLevel(int levelStart, int levelSize, int level) {
        boolean[] doneNow = done.clone();
        long open = opens.startLevel(doneNow);
        for (Expander<S, A> e : expanders) e.open(open);
        // the forms narrow: the recorded graph would mix them, and liveness explores its own (Checker)
        if (open != -1L && config.symmetry() && recording != null && !recording.failed()) recording.giveUp();
        long first = stored;
        store.startLevel((int) first);
        next.reset();
        before.startLevel();
        int from = 0;
        while (from < levelSize) {
            int size = sizer.parents(levelSize - from);
            boolean last = from + size == levelSize;
            if (!last && expanders.get(0).reduced()) before.blockBeforeLast();
            current.load(from, from + size);
            int chunkCount = expansion.expand(current, levelStart, from, size, doneNow, sizer.expected(size),
                    sizer.most(), firstViolation, hi -> progress(level, levelSize - hi));
            transitions += expansion.transitions;
            clock.mark("bfs expand");
            long fresh = chunkCount < 0 ? 0 : insertion.filter(chunks, chunkCount, arenas, table, limits);
            clock.mark("bfs filter");
            if (chunkCount < 0 || limits.checkTime()) {
                if (stored > first) maxDepth = level + 1;
                return false;
            }
            sizer.expanded(size, expansion.transitions);
            // when the table must grow, room for the rest of the level too, estimated from its blocks so far
            int expanded = from + size;
            long room = (long) Math.ceil((double) (before.levelNewCount() + fresh) * (levelSize - expanded) / expanded);
            boolean cut = limits.overStates(stored + fresh);
            long kept = cut ? limits.maxStates() - stored : fresh;
            room = reserveMemory(fresh, room, kept, expanded);
            if (room < 0) {
                if (stored > first) maxDepth = level + 1;
                return false;
            }
            commit.prepare(chunkCount, stored, fresh, room, kept, next);
            memory.note(held());   // the peak: a grown table beside the old one
            insertion.add(chunks, chunkCount, table, stored, fresh, room, before.levelNew(), before.levelNewCount());
            before.added(fresh);
            commit.write(chunkCount, stored, kept, next);
            clock.mark("bfs commit");
            stored += kept;
            from = expanded;
            current.release(from);
            if (memory.note(held())) spill(from);
            if (cut) {
                expansion.countOnly(current, levelStart, levelSize, from, doneNow, firstViolation);
                transitions += expansion.transitions;
                limits.stopForStates();
                for (int p = 0; p < slots; p++) done[p] = firstViolation[p] >= 0;
                if (stored > first) maxDepth = level + 1;
                expansion.evaluateOnly(next, (int) first, done, firstViolation);
                return false;
            }
        }
        before.startLevel();   // its tables are left to the collector
        for (int p = 0; p < slots; p++) done[p] = firstViolation[p] >= 0;
        progress(level + 1, next.count());
        return true;
    }

    /**
     * Makes sure the allocations for a block's {@code fresh} new states ({@code kept} of them below the state
     * limit) fit in memory: if they do not, the frontiers spill (their parts from position {@code from} of
     * the level on). The table's {@code room} for the rest of the level is halved until it takes at most
     * half of what is left (the heap also holds garbage, and a large array needs contiguous space). Returns
     * that room, or -1 when even without room they do not fit (the run stops for memory).
     */
    private long reserveMemory(long fresh, long room, long kept, int from) {
        long bare = commit.growthBytes(stored, fresh, 0, kept, next);
        if (!memory.fits(held(), bare)) spill(from);
        long held = held();
        if (!memory.fits(held, bare)) {
            limits.stopForMemory();
            return -1;
        }
        long r = room;
        while (r > 0 && !memory.fits(held, bare + 2 * (commit.growthBytes(stored, fresh, r, kept, next) - bare))) r /= 2;
        return r;
    }

    /** Spills the next frontier's full pages and the current one's from position {@code from} on. */
    private void spill(int from) {
        next.spill(0);
        current.spill(from);
    }

    /** The bytes the search holds: visited set, trace data, frontiers, candidate and sort buffers. */
    private long held() {
        long bytes = table.allocatedBytes() + store.allocatedBytes() + current.residentBytes() + next.residentBytes()
                + insertion.allocatedBytes() + before.allocatedBytes();
        for (LevelChunk.Arena arena : arenas) bytes += arena.allocatedBytes();
        return bytes;
    }

    /** Reports the states stored before this level (its new states are known only once it is inserted). */
    private void progress(int level, long queued) {
        ticker.offer(stored, level, queued);
    }

    boolean complete() {
        return complete;
    }

    long states() {
        return stored;
    }

    long transitions() {
        return transitions;
    }

    /** The invariants still open when each level was expanded: {@link OpenInvariants#opens()}. */
    long[] opens() {
        return opens.opens();
    }

    /** Whether every level stored the forms of {@link TransitionSystem#canonical(Object)}. */
    boolean formsConstant() {
        return opens.formsConstant();
    }

    int maxDepth() {
        return maxDepth;
    }

    TraceStore store() {
        return store;
    }

    /** The first violating state index of a property slot, or -1. */
    int firstViolation(int slot) {
        return firstViolation[slot];
    }

    /** The most bytes the search held at once: visited set, trace data, frontiers, candidate and sort buffers. */
    long bytesHeld() {
        return bytesHeld;
    }

    long spilledPages() {
        return spilledPages;
    }

    String mode() {
        return mode;
    }
}
