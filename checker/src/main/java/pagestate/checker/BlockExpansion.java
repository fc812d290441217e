package pagestate.checker;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Phase 1 of a BFS block (see {@link BreadthFirstSearch}): the workers expand disjoint chunks of a
 * range of the frontier with their own {@link Expander}, every successor kept in the worker's
 * {@link LevelChunk.Arena} as a candidate; and, after the state limit cut a level, the count-only
 * expansion of the rest of it and the evaluation of the states stored but not expanded. Both poll the time limit every {@link #POLL} parents, so a block (or a
 * costly state) never holds a run past its deadline by more than a few states' work.
 */
final class BlockExpansion<S, A> {

    /** Parents per chunk at most; at most 65536, so that a claim holds a parent's position in its chunk in 16 bits. */
    static final int CHUNK_STATES = 1024;
    /** Parents per chunk at least, when a small block is cut finer so that several workers share it. */
    static final int MIN_CHUNK_STATES = 16;
    /** Under a time limit, the most words an arena is given ahead of a block (16 MiB). */
    static final int PRESIZE_WORDS = 1 << 21;
    /** The time limit is polled every this many parents (a power of two). */
    static final int POLL = 4;

    private final Workers workers;
    private final List<Expander<S, A>> expanders;
    private final List<LevelChunk> chunks;
    private final List<LevelChunk.Arena> arenas;
    private final RunLimits limits;
    private final int width;
    private final int slots;
    private final CompilerShare share;
    /** Transitions of the last {@link #expand} (its finished chunks) or {@link #countOnly}. */
    long transitions;

    BlockExpansion(Workers workers, List<Expander<S, A>> expanders, List<LevelChunk> chunks,
                   List<LevelChunk.Arena> arenas, RunLimits limits, int width, int slots, CompilerShare share) {
        this.workers = workers;
        this.share = share;
        this.expanders = expanders;
        this.chunks = chunks;
        this.arenas = arenas;
        this.limits = limits;
        this.width = width;
        this.slots = slots;
        for (Expander<S, A> e : expanders) e.poll.watch(limits);
    }

    /**
     * Expands positions {@code [from, from + size)} of the level (whose first state index is
     * {@code levelStart}) into the arenas, chunk by chunk (the last worker leaving its processor to a busy JIT
     * compiler, {@link CompilerShare}), with room for about {@code expected} successors a worker (at most
     * {@code most}); merges the finished chunks' first violations into
     * {@code firstViolation} and sets {@link #transitions}. Returns the number of chunks, or -1 when a
     * limit stopped the run (the block is then dropped).
     */
    int expand(Frontier frontier, int levelStart, int from, int size, boolean[] doneNow, int expected, int most,
               int[] firstViolation, IntConsumer progress) {
        int chunkStates = chunkStates(size);
        int chunkCount = (size + chunkStates - 1) / chunkStates;
        while (chunks.size() < chunkCount) {
            chunks.add(new LevelChunk(width, slots));
        }
        AtomicInteger nextChunk = new AtomicInteger();
        boolean[] finished = new boolean[chunkCount];
        share.startBlock();
        int expanding = share.lastWorkerExpands() ? workers.count() : workers.count() - 1;
        workers.run(worker -> {
            // its processor left to the compiler: as if it found no chunk left
            if (worker > 0 && worker >= expanding) return;
            Expander<S, A> expander = expanders.get(worker);
            LevelChunk.Arena arena = arenas.get(worker);
            if (limits.checkTime()) return;   // before a large allocation, not after
            // each worker allocates (zeroes) its own arena; under a time limit at most 16 MiB of it ahead (it
            // grows while the workers expand, which polls the clock): 210,436 successors of 95 words took 2 s
            arena.clear(limits.timed() ? Math.min(expected, Math.max(1024, PRESIZE_WORDS / width)) : expected, most);
            int c;
            while ((c = nextChunk.getAndIncrement()) < chunkCount && !limits.checkTime()) {
                LevelChunk chunk = chunks.get(c);
                int lo = from + c * chunkStates;
                int hi = Math.min(from + size, lo + chunkStates);
                chunk.start(worker, arena, levelStart + lo);
                try {
                    for (int i = lo; i < hi; i++) {
                        // the time limit holds within a chunk too (a costly state may take milliseconds), and
                        // within a state (SuccessorPoll); a chunk cut short is not finished, and the block it
                        // is in is dropped
                        if ((i - lo & POLL - 1) == POLL - 1 && limits.checkTime()) break;
                        expander.expand(frontier.words(i), frontier.offset(i), levelStart + i, doneNow,
                                chunk.firstViolation, arena);
                    }
                } catch (SuccessorPoll.TimeUp e) {
                    break;   // the limit is recorded: limits.stopped()
                }
                if (limits.stopped()) break;
                chunk.finish();
                finished[c] = true;
                progress.accept(hi);
            }
        });
        long blockTransitions = 0;
        for (int c = 0; c < chunkCount; c++) {
            if (!finished[c]) continue;
            LevelChunk chunk = chunks.get(c);
            blockTransitions += chunk.transitions;
            merge(chunk.firstViolation, firstViolation);
        }
        transitions = blockTransitions;
        return limits.stopped() ? -1 : chunkCount;
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

    /** Merges first violations: the least index of each slot. */
    static void merge(int[] found, int[] into) {
        for (int p = 0; p < into.length; p++) {
            int v = found[p];
            if (v >= 0 && (into[p] < 0 || v < into[p])) into[p] = v;
        }
    }

    /**
     * After the state limit cut the level at position {@code from}: expands the rest of the level only to
     * count its transitions ({@link #transitions}) and evaluate its parents (into {@code firstViolation}),
     * as if the level had been expanded whole. Its pages are read back (if spilled) a segment at a time.
     */
    void countOnly(Frontier frontier, int levelStart, int levelSize, int from, boolean[] doneNow, int[] firstViolation) {
        transitions = 0;
        int segment = Math.max(16 * frontier.pageStates(), CHUNK_STATES);
        for (int lo = from; lo < levelSize && !limits.stopped(); lo += segment) {
            int hi = (int) Math.min(levelSize, (long) lo + segment);
            frontier.load(lo, hi);
            countSegment(frontier, levelStart, hi, lo, doneNow, firstViolation);
            frontier.release(hi);
        }
    }

    private void countSegment(Frontier frontier, int levelStart, int levelSize, int from, boolean[] doneNow,
                              int[] firstViolation) {
        int chunkCount = (levelSize - from + CHUNK_STATES - 1) / CHUNK_STATES;
        AtomicInteger nextChunk = new AtomicInteger();
        long[] counted = new long[workers.count()];
        int[][] found = new int[workers.count()][slots];
        Expander.Emit discard = (parent, action, fp, w, offset) -> { };
        workers.run(worker -> {
            Expander<S, A> expander = expanders.get(worker);
            Arrays.fill(found[worker], -1);
            int c;
            while ((c = nextChunk.getAndIncrement()) < chunkCount && !limits.checkTime()) {
                int lo = from + c * CHUNK_STATES;
                int hi = Math.min(levelSize, lo + CHUNK_STATES);
                try {
                    for (int i = lo; i < hi; i++) {
                        if ((i - lo & POLL - 1) == POLL - 1 && limits.checkTime()) break;
                        counted[worker] += expander.expand(frontier.words(i), frontier.offset(i), levelStart + i,
                                doneNow, found[worker], discard);
                    }
                } catch (SuccessorPoll.TimeUp e) {
                    break;
                }
            }
        });
        for (int w = 0; w < workers.count(); w++) {
            transitions += counted[w];
            merge(found[w], firstViolation);   // a worker's chunks ascend, so its first find is its least
        }
    }

    /**
     * Evaluates the invariants on the states of {@code frontier} (the first has index {@code firstIndex}),
     * which are counted but will not be expanded: a slot not {@code done} gets its first violation.
     */
    void evaluateOnly(Frontier frontier, int firstIndex, boolean[] done, int[] firstViolation) {
        Expander<S, A> expander = expanders.get(0);
        int[] found = new int[slots];
        Arrays.fill(found, -1);
        for (int i = 0; i < frontier.count(); i++) {
            if ((i & frontier.pageStates() - 1) == 0) {
                frontier.release(i);
                frontier.load(i, Math.min(frontier.count(), i + frontier.pageStates()));
            }
            expander.evaluate(frontier.words(i), frontier.offset(i), firstIndex + i, done, found);
        }
        for (int p = 0; p < slots; p++) {
            if (!done[p] && found[p] >= 0) {
                firstViolation[p] = found[p];
                done[p] = true;
            }
        }
    }
}
