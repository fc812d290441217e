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
 * <p>Per level: (1) workers expand disjoint chunks of the level with the shared {@link Expander},
 * keeping every successor as a candidate (the visited set is not touched); (2) {@link SortedInsertion}
 * inserts the candidates in fingerprint order, each worker its own fingerprint range, equal
 * fingerprints in discovery order, so the first insertion of a state is its sequential BFS discovery
 * (minimum claim key = parent index, action index); (3) winners get indices by a prefix sum over
 * chunks and are written to the trace store and the next frontier. A property's counterexample is its
 * first violating state: minimum depth, then index.
 *
 * <p>Reductions: under symmetry the stored states are canonical forms; under partial-order reduction
 * the {@link Expander} reports a persistent subset of the successors; the visited set stays unchanged
 * while a level is expanded, so its cycle proviso is the same at every thread count.
 */
final class BreadthFirstSearch<S, A> {

    static final int CHUNK_STATES = 1024;

    private final TransitionSystem<S, A> system;
    private final CheckerConfig config;
    private final RunLimits limits;
    private final int width;
    private final StateTable table;
    private final TraceStore store = new TraceStore();
    private final Workers workers;
    private final List<Expander<S, A>> expanders = new ArrayList<>();
    private final List<LevelChunk> chunks = new ArrayList<>();
    private final List<LevelChunk.Arena> arenas = new ArrayList<>();
    private final SortedInsertion insertion;
    private final int slots;
    private final int[] firstViolation;
    private final boolean[] done;
    private long stored;
    private long transitions;
    private int maxDepth;
    private boolean complete;
    private final AtomicLong nextProgressNanos = new AtomicLong();

    BreadthFirstSearch(TransitionSystem<S, A> system, CheckerConfig config, RunLimits limits, Workers workers) {
        this.system = system;
        this.config = config;
        this.limits = limits;
        this.workers = workers;
        this.width = system.codec().words();
        this.table = config.exact() ? new ExactTable(width, 1 << 12) : new FingerprintTable(1 << 12);
        Independence<S, A> independence = config.por() ? system.independence() : null;
        boolean reduced = independence != null;
        this.insertion = new SortedInsertion(workers, width, table);
        for (int w = 0; w < workers.count(); w++) {
            arenas.add(new LevelChunk.Arena(width));
            PersistentSets<S, A> persistent = reduced ? new PersistentSets<>(independence, system.invariants().size()) : null;
            expanders.add(new Expander<>(system, system.invariants(), config.checkDeadlock(), config.symmetry(),
                    persistent, table::contains));
        }
        this.slots = expanders.get(0).slots();
        this.firstViolation = new int[slots];
        Arrays.fill(firstViolation, -1);
        this.done = new boolean[slots];
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
                long[] next = expandLevel(frontier, levelStart, levelSize, level);
                if (next == null) return;
                levelStart += levelSize;
                frontier = next;
                level++;
            }
        } catch (OutOfMemoryError e) {
            limits.stopForMemory();
        }
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

    /** Expands one level; returns the next frontier, or null when a limit stopped the run. */
    private long[] expandLevel(long[] frontier, int levelStart, int levelSize, int level) {
        int chunkCount = (levelSize + CHUNK_STATES - 1) / CHUNK_STATES;
        while (chunks.size() < chunkCount) {
            chunks.add(new LevelChunk(width, slots));
        }
        for (LevelChunk.Arena arena : arenas) arena.clear();
        boolean[] doneNow = done.clone();
        AtomicInteger nextChunk = new AtomicInteger();
        boolean[] finished = new boolean[chunkCount];
        workers.run(worker -> {
            Expander<S, A> expander = expanders.get(worker);
            LevelChunk.Arena arena = arenas.get(worker);
            int c;
            while ((c = nextChunk.getAndIncrement()) < chunkCount && !limits.checkTimeAndMemory()) {
                LevelChunk chunk = chunks.get(c);
                chunk.start(worker, arena);
                int from = c * CHUNK_STATES;
                int to = Math.min(levelSize, from + CHUNK_STATES);
                for (int i = from; i < to; i++) {
                    expander.expand(frontier, i * width, levelStart + i, doneNow, chunk.firstViolation, arena);
                }
                chunk.finish();
                finished[c] = true;
                progress(level, levelSize - to);
            }
        });
        for (int c = 0; c < chunkCount; c++) {
            if (!finished[c]) continue;
            LevelChunk chunk = chunks.get(c);
            transitions += chunk.transitions;
            for (int p = 0; p < slots; p++) {
                int v = chunk.firstViolation[p];
                if (v >= 0 && (firstViolation[p] < 0 || v < firstViolation[p])) firstViolation[p] = v;
            }
        }
        for (int p = 0; p < slots; p++) done[p] = firstViolation[p] >= 0;
        if (limits.stopped()) return null;
        insertion.insert(chunks, chunkCount, arenas, table, stored);
        progress(level, 0);
        long[] r = assignIndices(chunkCount);
        if (r != null) progress(level + 1, r.length / width);
        return r;
    }

    /** Phase 3: indices by prefix sum over chunks; trace data and next frontier. */
    private long[] assignIndices(int chunkCount) {
        long before = stored;
        workers.run(worker -> {
            for (int c = worker; c < chunkCount; c += workers.count()) chunks.get(c).tally(insertion, insertion.chunkStart(c));
        });
        long total = 0;
        int maxAction = 0;
        for (int c = 0; c < chunkCount; c++) {
            LevelChunk chunk = chunks.get(c);
            chunk.base = (int) total;
            total += chunk.winners;
            maxAction = Math.max(maxAction, chunk.maxWinnerAction);
        }
        boolean cut = limits.overStates(before + total);
        long kept = cut ? limits.maxStates() - before : total;
        store.reserve(before + kept);
        if (maxAction > 255 && kept > 0) store.widen(before, before + kept);
        store.startLevel((int) before);
        long[] next = new long[Math.toIntExact(kept * width)];
        int first = (int) before;
        workers.run(worker -> {
            for (int c = worker; c < chunkCount; c += workers.count()) {
                LevelChunk chunk = chunks.get(c);
                int rank = chunk.base;
                int id = insertion.chunkStart(c);
                int end = id + chunk.count;
                for (int k = insertion.nextWinner(id, end); k < end && rank < kept; k = insertion.nextWinner(k + 1, end)) {
                    int i = k - id;
                    long claim = chunk.claim(i);
                    store.set(first + rank, LevelChunk.parentOf(claim), LevelChunk.actionOf(claim));
                    System.arraycopy(chunk.words(), chunk.wordOffset(i), next, rank * width, width);
                    rank++;
                }
            }
        });
        stored = before + kept;
        if (cut) {
            limits.stopForStates();
            if (kept > 0) maxDepth++;
            evaluateOnly(next, first, (int) kept);
            return null;
        }
        return next;
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
        return table.allocatedBytes() + store.allocatedBytes();
    }

    String mode() {
        return table.mode();
    }
}
