package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Level-synchronous breadth-first search over fingerprints (or exact states), giving state indices
 * in sequential BFS order whatever the number of workers.
 *
 * <p>A level is processed in blocks of consecutive parents (frontier order), each of about
 * {@code blockCandidates} successors, so that its transient memory stays bounded. Per block: (1) workers
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
 * successor was stored before the level (the visited set minus the level's new states, which earlier
 * blocks added), so it is the same at every thread count and block size.
 */
final class BreadthFirstSearch<S, A> {

    /** Parents per chunk at most; at most 65536, so that a claim holds a parent's position in its chunk in 16 bits. */
    static final int CHUNK_STATES = 1024;
    /** Parents per chunk at least, when a small block is cut finer so that several workers share it. */
    static final int MIN_CHUNK_STATES = 16;

    private final TransitionSystem<S, A> system;
    private final CheckerConfig config;
    private final RunLimits limits;
    private final int width;
    /** The visited set; null once the search is over ({@link #release}). */
    private StateTable table;
    private final TraceStore store = new TraceStore();
    private final Workers workers;
    private final List<Expander<S, A>> expanders = new ArrayList<>();
    private final String mode;
    /** Bytes of the visited set and trace data, taken when the search ends. */
    private long bytesAllocated;
    private final List<LevelChunk> chunks = new ArrayList<>();
    private final List<LevelChunk.Arena> arenas = new ArrayList<>();
    private SortedInsertion insertion;
    private final int slots;
    private final int[] firstViolation;
    private final boolean[] done;
    private long stored;
    private long transitions;
    private int maxDepth;
    private boolean complete;
    private final AtomicLong nextProgressNanos = new AtomicLong();
    /** About how many candidates (successors) one block of a level may hold. */
    private final long blockCandidates;
    private long expandedParents;
    private double lastBlockFanout;
    /** The next frontier being filled ({@link #nextCount} states); reused, swapped with the frontier. */
    private long[] next = new long[0];
    private int nextCount;
    /**
     * Under partial-order reduction, when a level has several blocks: the new states of the level so
     * far ({@link #levelNewCount}), which the cycle proviso must not count as stored before the level.
     */
    private StateTable levelNew;
    private long levelNewCount;

    BreadthFirstSearch(TransitionSystem<S, A> system, CheckerConfig config, RunLimits limits, Workers workers) {
        this(system, config, limits, workers, 0);
    }

    /**
     * @param blockCandidates about how many candidates one block of a level may hold; 0 for the default,
     *                        {@link #defaultBlockCandidates}
     */
    BreadthFirstSearch(TransitionSystem<S, A> system, CheckerConfig config, RunLimits limits, Workers workers,
                       long blockCandidates) {
        this(system, config, limits, workers, blockCandidates, null);
    }

    /** @param recording records the expanded states and their successors for liveness (null for none) */
    BreadthFirstSearch(TransitionSystem<S, A> system, CheckerConfig config, RunLimits limits, Workers workers,
                       long blockCandidates, EdgeRecording recording) {
        this.system = system;
        this.config = config;
        this.limits = limits;
        this.workers = workers;
        this.width = system.codec().words();
        this.blockCandidates = blockCandidates > 0 ? blockCandidates : defaultBlockCandidates(width);
        this.table = config.exact() ? new ExactTable(width, 1 << 12) : new FingerprintTable(1 << 12);
        this.mode = table.mode();
        Independence<S, A> independence = config.por() ? system.independence() : null;
        boolean reduced = independence != null;
        this.insertion = new SortedInsertion(workers, width, table);
        for (int w = 0; w < workers.count(); w++) {
            arenas.add(new LevelChunk.Arena(width));
            PersistentSets<S, A> persistent = reduced ? new PersistentSets<>(independence, system.invariants().size()) : null;
            expanders.add(new Expander<>(system, system.invariants(), config.checkDeadlock(), config.symmetry(),
                    persistent, this::storedBeforeLevel, recording != null ? recording.worker(w) : null));
        }
        this.slots = expanders.get(0).slots();
        this.firstViolation = new int[slots];
        Arrays.fill(firstViolation, -1);
        this.done = new boolean[slots];
    }

    /**
     * A level's candidates take about {@code 24 + 8 * width} bytes each (arena: fingerprint, claim,
     * words; sort: a fingerprint and an id array): a block may use a sixteenth of the maximum heap,
     * between 256 Ki and 16 Mi candidates.
     */
    static long defaultBlockCandidates(int width) {
        long perCandidate = 24L + 8L * width;
        long budget = Runtime.getRuntime().maxMemory() / 16;
        return Math.max(1L << 18, Math.min(1L << 24, budget / perCandidate));
    }

    /** For the cycle proviso: stored before the level being expanded (not one of its new states). */
    private boolean storedBeforeLevel(long fp, long[] words, int offset) {
        if (!table.contains(fp, words, offset)) return false;
        StateTable added = levelNew;
        return added == null || !added.contains(fp, words, offset);
    }

    /** Runs the search; afterwards the accessors describe it. */
    void run() {
        nextProgressNanos.set(System.nanoTime() + 1_000_000_000L);
        try {
            long[] frontier = initialLevel();
            int levelStart = 0;
            int level = 0;
            while (true) {
                int levelSize = (int) (stored - levelStart);
                if (levelSize == 0) {
                    complete = true;
                    return;
                }
                maxDepth = level;
                long[] following = expandLevel(frontier, levelStart, levelSize, level);
                if (following == null) return;
                levelStart += levelSize;
                frontier = following;
                level++;
            }
        } catch (OutOfMemoryError e) {
            limits.stopForMemory();
        } finally {
            release();
        }
    }

    /**
     * When the search ends: from here on only the trace data and the figures are used (verdicts, traces,
     * liveness passes), so the visited set and the level buffers are left to the collector, also after
     * a run stopped by a limit or out of memory.
     */
    private void release() {
        bytesAllocated = table.allocatedBytes() + store.allocatedBytes();
        table = null;
        levelNew = null;
        insertion = null;
        arenas.clear();
        chunks.clear();
        expanders.clear();
        next = new long[0];
    }

    private long[] initialLevel() {
        StateCodec<S> codec = system.codec();
        List<S> initial = system.initialStates();
        long[] frontier = new long[initial.size() * width];
        long[] w = new long[width];
        store.startLevel(0);
        int n = 0;
        for (int pos = 0; pos < initial.size(); pos++) {
            codec.encode(config.symmetry() ? system.canonical(initial.get(pos)) : initial.get(pos), w, 0);
            table.reserve(n + 1);
            if (table.insert(Fingerprints.of(w, 0, width), w, 0)) {
                if (limits.overStates(n + 1)) {
                    limits.stopForStates();
                    break;
                }
                store.reserve(n + 1);
                store.set(n, -1 - pos, 0);
                System.arraycopy(w, 0, frontier, n * width, width);
                n++;
            }
        }
        stored = n;
        if (limits.stopped()) {
            evaluateOnly(frontier, 0, n);
            return new long[0];
        }
        return frontier;
    }

    /**
     * Expands one level, block after block; returns the next frontier, or null when a limit stopped the
     * run. A block is a range of consecutive parents (in frontier order) whose successors are about
     * {@link #blockCandidates} candidates: it is expanded, sorted, filtered against the table (which holds
     * the earlier blocks' new states) and merged before the next block, so a level's transient memory is
     * bounded by its largest block. The boundaries depend only on the frontier and on counts that do not
     * depend on the thread count, and the first discovery of a state is in the first block that reaches
     * it, so indices, traces and counts are those of one block per level.
     */
    private long[] expandLevel(long[] frontier, int levelStart, int levelSize, int level) {
        boolean[] doneNow = done.clone();
        long first = stored;
        store.startLevel((int) first);
        nextCount = 0;
        levelNewCount = 0;
        levelNew = null;
        int from = 0;
        while (from < levelSize) {
            int size = blockParents(levelSize - from);
            boolean last = from + size == levelSize;
            if (!last && expanders.get(0).reduced() && levelNew == null) {
                levelNew = config.exact() ? new ExactTable(width, 1 << 12) : new FingerprintTable(1 << 12);
            }
            int chunkCount = expandBlock(frontier, levelStart, levelSize, from, size, level, doneNow);
            if (chunkCount < 0) {
                if (stored > first) maxDepth = level + 1;
                return null;
            }
            long fresh = insertion.filter(chunks, chunkCount, arenas, table);
            // when the table must grow, room for the rest of the level too, estimated from its blocks so far
            int expanded = from + size;
            long room = (long) Math.ceil((double) (levelNewCount + fresh) * (levelSize - expanded) / expanded);
            boolean cut = limits.overStates(stored + fresh);
            long kept = cut ? limits.maxStates() - stored : fresh;
            prepareBlock(chunkCount, fresh, room, kept);
            insertion.add(chunks, chunkCount, table, stored, fresh, room, levelNew, levelNewCount);
            levelNewCount += fresh;
            writeNewStates(chunkCount, kept);
            from += size;
            if (cut) {
                countOnly(frontier, levelStart, levelSize, from, doneNow);
                limits.stopForStates();
                for (int p = 0; p < slots; p++) done[p] = firstViolation[p] >= 0;
                if (stored > first) maxDepth = level + 1;
                evaluateOnly(next, (int) first, nextCount);
                return null;
            }
        }
        levelNew = null;
        for (int p = 0; p < slots; p++) done[p] = firstViolation[p] >= 0;
        progress(level + 1, nextCount);
        long[] r = next;
        next = frontier;
        return r;
    }

    /**
     * The number of parents of the next block, at most {@code remaining}: about {@link #blockCandidates}
     * divided by the larger of the mean fan-out so far and the last block's, the remaining parents split
     * into blocks of equal size.
     */
    private int blockParents(int remaining) {
        double fanout = fanout();
        long per = Math.max(1, (long) (blockCandidates / Math.max(1.0, fanout)));
        if (per >= remaining) return remaining;
        long blocks = (remaining + per - 1) / per;
        return (int) ((remaining + blocks - 1) / blocks);
    }

    /** The expected successors per parent: the larger of the mean so far and the last block's (16 at first). */
    private double fanout() {
        return expandedParents == 0 ? 16 : Math.max((double) transitions / expandedParents, lastBlockFanout);
    }

    /**
     * Expands parents {@code [from, from + size)} of the level into the arenas, chunk by chunk; merges
     * their transitions and first violations. Returns the number of chunks, or -1 when a limit stopped the run.
     */
    private int expandBlock(long[] frontier, int levelStart, int levelSize, int from, int size, int level, boolean[] doneNow) {
        int chunkStates = chunkStates(size);
        int chunkCount = (size + chunkStates - 1) / chunkStates;
        while (chunks.size() < chunkCount) {
            chunks.add(new LevelChunk(width, slots));
        }
        // room for the expected successors (an arena that must grow after all copies itself)
        int n = workers.count();
        int expected = (int) Math.min(Math.ceil(size * fanout() * (n == 1 ? 1.0 : 1.25 / n)) + 16,
                Integer.MAX_VALUE / (2.0 * width));
        // an arena may take up to its share of a full block
        int most = (int) Math.min(Math.ceil(blockCandidates * (n == 1 ? 1.0 : 1.25 / n)) + 16, Integer.MAX_VALUE / (2.0 * width));
        AtomicInteger nextChunk = new AtomicInteger();
        boolean[] finished = new boolean[chunkCount];
        workers.run(worker -> {
            Expander<S, A> expander = expanders.get(worker);
            LevelChunk.Arena arena = arenas.get(worker);
            if (limits.checkTimeAndMemory()) return;   // before a large allocation, not after
            arena.clear(expected, most);   // each worker allocates (zeroes) its own arena
            int c;
            while ((c = nextChunk.getAndIncrement()) < chunkCount && !limits.checkTimeAndMemory()) {
                LevelChunk chunk = chunks.get(c);
                int lo = from + c * chunkStates;
                int hi = Math.min(from + size, lo + chunkStates);
                chunk.start(worker, arena, levelStart + lo);
                for (int i = lo; i < hi; i++) {
                    // the time limit holds within a chunk too (a costly state may take milliseconds); a chunk
                    // cut short is not finished, and the block it is in is dropped
                    if ((i - lo & 15) == 15 && limits.checkTimeAndMemory()) break;
                    expander.expand(frontier, i * width, levelStart + i, doneNow, chunk.firstViolation, arena);
                }
                if (limits.stopped()) break;
                chunk.finish();
                finished[c] = true;
                progress(level, levelSize - hi);
            }
        });
        long blockTransitions = 0;
        for (int c = 0; c < chunkCount; c++) {
            if (!finished[c]) continue;
            LevelChunk chunk = chunks.get(c);
            blockTransitions += chunk.transitions;
            mergeViolations(chunk.firstViolation);
        }
        transitions += blockTransitions;
        if (limits.stopped()) return -1;
        expandedParents += size;
        lastBlockFanout = (double) blockTransitions / size;
        return chunkCount;
    }

    /**
     * Parents per chunk of a block of {@code size}: {@link #CHUNK_STATES}, but with several workers at
     * least 16 chunks a worker (down to {@link #MIN_CHUNK_STATES} parents), so that the workers finish a
     * small level together when a state is costly to expand. Chunks only group the work: indices and
     * traces follow the frontier order whatever their size.
     */
    private int chunkStates(int size) {
        int n = workers.count();
        if (n == 1) return CHUNK_STATES;
        long fine = (size + 16L * n - 1) / (16L * n);
        return (int) Math.max(MIN_CHUNK_STATES, Math.min(CHUNK_STATES, fine));
    }

    private void mergeViolations(int[] found) {
        for (int p = 0; p < slots; p++) {
            int v = found[p];
            if (v >= 0 && (firstViolation[p] < 0 || v < firstViolation[p])) firstViolation[p] = v;
        }
    }

    /**
     * After the state limit cut the level at parent {@code from}: expands the rest of the level only to
     * count its transitions and evaluate its parents, as if the level had been expanded whole.
     */
    private void countOnly(long[] frontier, int levelStart, int levelSize, int from, boolean[] doneNow) {
        if (from >= levelSize) return;
        int chunkCount = (levelSize - from + CHUNK_STATES - 1) / CHUNK_STATES;
        AtomicInteger nextChunk = new AtomicInteger();
        long[] counted = new long[workers.count()];
        int[][] found = new int[workers.count()][slots];
        Expander.Emit discard = (parent, action, fp, w, offset) -> { };
        workers.run(worker -> {
            Expander<S, A> expander = expanders.get(worker);
            Arrays.fill(found[worker], -1);
            int c;
            while ((c = nextChunk.getAndIncrement()) < chunkCount && !limits.checkTimeAndMemory()) {
                int lo = from + c * CHUNK_STATES;
                int hi = Math.min(levelSize, lo + CHUNK_STATES);
                for (int i = lo; i < hi; i++) {
                    if ((i - lo & 15) == 15 && limits.checkTimeAndMemory()) break;
                    counted[worker] += expander.expand(frontier, i * width, levelStart + i, doneNow, found[worker], discard);
                }
            }
        });
        for (int w = 0; w < workers.count(); w++) {
            transitions += counted[w];
            mergeViolations(found[w]);   // a worker's chunks ascend, so its first find is its least
        }
    }

    /**
     * Phase 3 of a block, in one balanced pass over a list of tasks: the allocations for its {@code fresh}
     * new states (a grown table, with room for {@code room} more states; trace store chunks and room in
     * the next frontier for the {@code kept} of them below the state limit), then every chunk's count of
     * winners. An allocation is one task because zeroing an array cannot be split; the other workers
     * count meanwhile, so it is no longer a sequential step.
     */
    private void prepareBlock(int chunkCount, long fresh, long room, long kept) {
        List<Runnable> allocations = new ArrayList<>();
        long occupied = stored;
        allocations.add(() -> SortedInsertion.prepare(table, occupied, fresh, room));
        int base = nextCount;
        long need = (long) (base + kept) * width;
        if (need > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("frontier over 2^31 words");
        if (next.length < need) {
            int len = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, next.length * 3L / 2));
            if (base == 0) {
                next = new long[0];   // the old frontier is dropped first, so that a collection may reclaim it for the new one
                allocations.add(() -> next = new long[len]);
            } else {
                long[] filled = next;   // this level's first blocks' states, kept
                allocations.add(() -> next = Arrays.copyOf(filled, len));
            }
        }
        allocations.addAll(store.reserveTasks(occupied + kept));
        int tasks = allocations.size() + chunkCount;
        AtomicInteger nextTask = new AtomicInteger();
        workers.run(worker -> {
            int t;
            while ((t = nextTask.getAndIncrement()) < tasks) {
                if (t < allocations.size()) {
                    allocations.get(t).run();
                } else {
                    int c = t - allocations.size();
                    chunks.get(c).tally(insertion, insertion.chunkStart(c));
                }
            }
        });
    }

    /**
     * Phase 4 of a block: the first {@code kept} new states (all but those over the state limit) get
     * indices by prefix sum over chunks, after the states stored so far, and are written to the trace
     * store and appended to the next frontier.
     */
    private void writeNewStates(int chunkCount, long kept) {
        long before = stored;
        long total = 0;
        int maxAction = 0;
        for (int c = 0; c < chunkCount; c++) {
            LevelChunk chunk = chunks.get(c);
            chunk.base = (int) total;
            total += chunk.winners;
            maxAction = Math.max(maxAction, chunk.maxWinnerAction);
        }
        if (maxAction > 255 && kept > 0) store.widen(before, before + kept);
        int base = nextCount;
        long[] out = next;
        int firstIndex = (int) before;
        workers.run(worker -> {
            for (int c = worker; c < chunkCount; c += workers.count()) {
                LevelChunk chunk = chunks.get(c);
                int rank = chunk.base;
                int id = insertion.chunkStart(c);
                int end = id + chunk.count;
                for (int k = insertion.nextWinner(id, end); k < end && rank < kept; k = insertion.nextWinner(k + 1, end)) {
                    int i = k - id;
                    int claim = chunk.claim(i);
                    store.set(firstIndex + rank, chunk.parentOf(claim), LevelChunk.actionOf(claim));
                    if (width == 1) {
                        out[base + rank] = chunk.words()[chunk.wordOffset(i)];
                    } else {
                        System.arraycopy(chunk.words(), chunk.wordOffset(i), out, (base + rank) * width, width);
                    }
                    rank++;
                }
            }
        });
        stored = before + kept;
        nextCount = base + (int) kept;
    }

    /** Evaluates the invariants on states that are counted but will not be expanded. */
    private void evaluateOnly(long[] frontier, int firstIndex, int count) {
        Expander<S, A> expander = expanders.get(0);
        int[] found = new int[slots];
        Arrays.fill(found, -1);
        for (int i = 0; i < count; i++) {
            expander.evaluate(frontier, i * width, firstIndex + i, done, found);
        }
        for (int p = 0; p < slots; p++) {
            if (!done[p] && found[p] >= 0) {
                firstViolation[p] = found[p];
                done[p] = true;
            }
        }
    }

    /** Reports the states stored before this level (its new states are known only once it is inserted). */
    private void progress(int level, long queued) {
        long now = System.nanoTime();
        long due = nextProgressNanos.get();
        if (now < due || !nextProgressNanos.compareAndSet(due, now + 1_000_000_000L)) return;
        double s = limits.seconds();
        long states = stored;
        config.progress().onProgress(new ProgressListener.Progress(states, s > 0 ? states / s : 0, level, queued, s));
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

    long bytesAllocated() {
        return bytesAllocated;
    }

    String mode() {
        return mode;
    }
}
