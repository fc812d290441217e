package pagestate.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Phases 3 and 4 of a BFS block (see {@link BreadthFirstSearch}), once {@link SortedInsertion#filter}
 * has found its new states: the allocations they need and the count of each chunk's winners, in one
 * balanced pass; then, after the table took them, their indices (a prefix sum over chunks), their
 * trace data and their place in the next frontier.
 */
final class BlockCommit {

    private final Workers workers;
    private final List<LevelChunk> chunks;
    private final SortedInsertion insertion;
    private final TraceStore store;
    private final StateTable table;
    private final int width;

    BlockCommit(Workers workers, List<LevelChunk> chunks, SortedInsertion insertion, TraceStore store, StateTable table,
                int width) {
        this.workers = workers;
        this.chunks = chunks;
        this.insertion = insertion;
        this.store = store;
        this.table = table;
        this.width = width;
    }

    /**
     * The bytes {@link #prepare} will allocate for {@code fresh} new states beside the {@code stored}
     * ones, {@code kept} of them below the state limit, {@code room} as there.
     */
    long growthBytes(long stored, long fresh, long room, long kept, Frontier next) {
        return table.growthBytes(stored, fresh, room) + store.growthBytes(stored + kept)
                + next.growthBytes(next.count() + kept);
    }

    /**
     * Phase 3, in one balanced pass over a list of tasks: the allocations for the {@code fresh} new
     * states (a grown table, with room for {@code room} more states; trace store chunks and frontier
     * pages for the {@code kept} of them below the state limit), then every chunk's count of winners.
     * An allocation is one task because zeroing an array cannot be split; the other workers count
     * meanwhile, so it is no longer a sequential step.
     */
    void prepare(int chunkCount, long stored, long fresh, long room, long kept, Frontier next) {
        List<Runnable> allocations = new ArrayList<>();
        allocations.add(() -> prepareTable(table, stored, fresh, room));
        allocations.addAll(next.reserveTasks(next.count() + kept));
        allocations.addAll(store.reserveTasks(stored + kept));
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
     * Phase 4: the first {@code kept} new states (all but those over the state limit) get indices by
     * prefix sum over chunks, after the {@code stored} states, and are written to the trace store and
     * appended to {@code next}.
     */
    void write(int chunkCount, long stored, long kept, Frontier next) {
        long total = 0;
        int maxAction = 0;
        for (int c = 0; c < chunkCount; c++) {
            LevelChunk chunk = chunks.get(c);
            chunk.base = (int) total;
            total += chunk.winners;
            maxAction = Math.max(maxAction, chunk.maxWinnerAction);
        }
        if (maxAction > 255 && kept > 0) store.widen(stored, stored + kept);
        int base = next.count();
        int firstIndex = (int) stored;
        AtomicInteger nextChunk = new AtomicInteger();
        workers.run(worker -> {   // chunks taken in turn: a worker the machine's load holds back takes fewer
            for (int c; (c = nextChunk.getAndIncrement()) < chunkCount; ) {
                LevelChunk chunk = chunks.get(c);
                int rank = chunk.base;
                int id = insertion.chunkStart(c);
                int end = id + chunk.count;
                for (int k = insertion.nextWinner(id, end); k < end && rank < kept; k = insertion.nextWinner(k + 1, end)) {
                    int i = k - id;
                    int claim = chunk.claim(i);
                    store.set(firstIndex + rank, chunk.parentOf(claim), LevelChunk.actionOf(claim));
                    int at = base + rank;
                    System.arraycopy(chunk.words(), chunk.wordOffset(i), next.words(at), next.offset(at), width);
                    rank++;
                }
            }
        });
        next.setCount(base + (int) kept);
    }

    /**
     * Makes {@code table}, which holds {@code occupied} states, ready to take the {@code fresh}
     * winners and, when it must grow, room for {@code room} more states. Runs on one worker while the
     * others do other work (it allocates, and may copy), before {@link SortedInsertion#add}.
     */
    static void prepareTable(StateTable table, long occupied, long fresh, long room) {
        try {
            if (table instanceof FingerprintTable f) {
                f.prepare(fresh, room);
            } else if (!table.fits(occupied + fresh)) {
                table.reserve(occupied + fresh + room);
            }
        } catch (OutOfMemoryError e) {
            if (room == 0) throw e;
            prepareTable(table, occupied, fresh, 0);   // the heap's free space is in pieces: no room ahead
        }
    }
}
