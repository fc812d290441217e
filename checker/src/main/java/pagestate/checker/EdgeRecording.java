package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The state graph the safety search walks, recorded for liveness so that no liveness pass explores it
 * again: for every state the search expands, its fingerprint, which liveness goals are false in it, and,
 * when one is, every successor (also those partial-order reduction leaves out) as its fingerprint, action
 * index and actor. Each worker appends to its own buffers, in whatever order it expands; a liveness graph
 * ({@link #graph}) is then a breadth-first search over the records from the initial states, so its
 * numbering, edges and tree are those of {@link GraphExploration} over the same form, at every thread
 * count.
 *
 * <p>The recording gives up (and liveness explores as before) when a goal cannot be told on the encoded
 * words ({@link TransitionSystem#encodedGoal}), when it would pass its byte budget, when an
 * action index or actor does not fit 16 bits, or when a state the liveness graph needs has no record (a
 * state reached only through an edge partial-order reduction left out, or a search a limit stopped).
 * States are keyed by their 64-bit fingerprints, with the safety search's collision bound.
 */
final class EdgeRecording {

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final long budget;
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean failed;
    private final List<Worker> workers = new ArrayList<>();
    /** Built on the first {@link #graph} ({@link #index}): the states' fingerprints and a table of them. */
    private long[] keys;
    private int[] slots;
    private int records;
    /** Per state: goal-false bits, and where its successors start in {@link #target} and {@link #label}. */
    private long[] live;
    private int[] start;
    /** Per successor: its state number (-1: never expanded), and its action index (high 16 bits) and actor. */
    private int[] target;
    private int[] label;

    /** @param budget bytes the recording may take at most */
    EdgeRecording(int workerCount, long budget) {
        this.budget = budget;
        for (int w = 0; w < workerCount; w++) workers.add(new Worker());
    }

    Worker worker(int w) {
        return workers.get(w);
    }

    boolean failed() {
        return failed;
    }

    /** The bytes the recording may take at most (the safety search's own memory limit leaves them out). */
    long budget() {
        return budget;
    }

    /** The bytes of recorded chunks so far (the safety search counts them in what it holds). */
    long bytes() {
        return bytes.get();
    }

    private void fail() {
        failed = true;
        for (Worker w : workers) w.clear();
    }

    /** Growable storage in chunks of {@value #CHUNK} entries (no copying as it grows). */
    private final class Longs {
        final List<long[]> chunks = new ArrayList<>();
        long size;

        boolean add(long v) {
            if ((size & (CHUNK - 1)) == 0 && size >> CHUNK_BITS == chunks.size()) {
                if (bytes.addAndGet(8L * CHUNK) > budget) return false;
                chunks.add(new long[CHUNK]);
            }
            chunks.get((int) (size >> CHUNK_BITS))[(int) (size & (CHUNK - 1))] = v;
            size++;
            return true;
        }

        long get(long i) {
            return chunks.get((int) (i >> CHUNK_BITS))[(int) (i & (CHUNK - 1))];
        }

        void set(long i, long v) {
            chunks.get((int) (i >> CHUNK_BITS))[(int) (i & (CHUNK - 1))] = v;
        }
    }

    private final class Ints {
        final List<int[]> chunks = new ArrayList<>();
        long size;

        boolean add(int v) {
            if ((size & (CHUNK - 1)) == 0 && size >> CHUNK_BITS == chunks.size()) {
                if (bytes.addAndGet(4L * CHUNK) > budget) return false;
                chunks.add(new int[CHUNK]);
            }
            chunks.get((int) (size >> CHUNK_BITS))[(int) (size & (CHUNK - 1))] = v;
            size++;
            return true;
        }

        int get(long i) {
            return chunks.get((int) (i >> CHUNK_BITS))[(int) (i & (CHUNK - 1))];
        }
    }

    /**
     * One worker's records. Per state, in {@code longs}: fingerprint, goal-false bits, successor count,
     * then (goal-false states only) the successors' fingerprints; in {@code ints}: per successor, its
     * action index (high 16 bits) and actor (low 16 bits).
     */
    final class Worker {
        private Longs longs = new Longs();
        private Ints ints = new Ints();
        private long countAt = -1;
        private int edges;

        /** Starts the record of a state; returns whether its successors are wanted (a goal is false in it). */
        boolean begin(long fp, long live) {
            if (failed) return false;
            try {
                if (!longs.add(fp) || !longs.add(live) || !longs.add(0)) {
                    fail();
                    return false;
                }
            } catch (OutOfMemoryError e) {
                fail();
                return false;
            }
            countAt = longs.size - 1;
            edges = 0;
            return live != 0;
        }

        /** Gives the whole recording up (liveness explores as before). */
        void giveUp() {
            fail();
        }

        void edge(long fp, int action, int actor) {
            if (failed) return;
            if (action > 0xFFFF || actor < 0 || actor > 0xFFFF) {
                fail();
                return;
            }
            try {
                if (!longs.add(fp) || !ints.add(action << 16 | actor)) fail();
            } catch (OutOfMemoryError e) {
                fail();
            }
            edges++;
        }

        void end() {
            if (!failed && countAt >= 0) longs.set(countAt, edges);
            countAt = -1;
        }

        private void clear() {
            longs = new Longs();
            ints = new Ints();
        }
    }

    /**
     * Turns the records into one array graph (once): each state's goal-false bits and its successors as
     * state numbers (-1 for a successor never expanded), in action order; the workers' buffers are dropped.
     * False when the recording failed. Called (with the workers that share out the edges, or null) before
     * {@link #graph}s are taken at once by several threads.
     */
    boolean prepare(Workers pool) {
        if (failed) return false;
        if (keys != null) return true;
        try {
            return index(pool);
        } catch (OutOfMemoryError e) {
            fail();
            keys = null;
            live = null;
            target = null;
            label = null;
            return false;   // the passes explore as before, where memory is a limit
        }
    }

    private boolean index(Workers pool) {
        int n = 0;
        long edges = 0;
        for (Worker w : workers) {
            for (long p = 0; p < w.longs.size; p += 3 + w.longs.get(p + 2)) {
                n++;
                edges += w.longs.get(p + 2);
            }
        }
        if (edges > Integer.MAX_VALUE - 8) return false;
        keys = new long[n];
        slots = new int[Integer.highestOneBit(Math.max(16, n) * 2 - 1) << 1];
        live = new long[n];
        start = new int[n + 1];
        target = new int[(int) edges];
        label = new int[(int) edges];
        int[] recWorker = new int[n];
        long[] recLong = new long[n];
        long[] recInt = new long[n];
        for (int wi = 0; wi < workers.size(); wi++) {   // the states: a state expanded twice keeps its first record
            Worker w = workers.get(wi);
            long q = 0;
            for (long p = 0; p < w.longs.size; ) {
                long fp = w.longs.get(p);
                int count = (int) w.longs.get(p + 2);
                if (find(fp) < 0) {
                    int r = records++;
                    keys[r] = fp;
                    live[r] = w.longs.get(p + 1);
                    recWorker[r] = wi;
                    recLong[r] = p;
                    recInt[r] = q;
                    start[r + 1] = start[r] + count;
                    int mask = slots.length - 1;
                    int i = (int) (fp ^ (fp >>> 32)) & mask;
                    while (slots[i] != 0) i = (i + 1) & mask;
                    slots[i] = r + 1;
                }
                p += 3 + count;
                q += count;
            }
        }
        // the edges, states in blocks shared out among the workers (each block's edges are its own)
        int blocks = (records + EDGE_BLOCK - 1) / EDGE_BLOCK;
        AtomicInteger next = new AtomicInteger();
        IntConsumer fill = x -> {
            for (int b; (b = next.getAndIncrement()) < blocks; ) {
                for (int r = b * EDGE_BLOCK; r < Math.min(records, (b + 1) * EDGE_BLOCK); r++) {
                    Worker w = workers.get(recWorker[r]);
                    for (int k = 0, e = start[r]; e < start[r + 1]; k++, e++) {
                        target[e] = find(w.longs.get(recLong[r] + 3 + k));
                        label[e] = w.ints.get(recInt[r] + k);
                    }
                }
            }
        };
        if (pool != null) pool.run(fill); else fill.accept(0);
        for (Worker w : workers) w.clear();
        return true;
    }

    /** States per block of {@link #prepare}'s edge pass. */
    private static final int EDGE_BLOCK = 4096;

    private int find(long fp) {
        int mask = slots.length - 1;
        for (int i = (int) (fp ^ (fp >>> 32)) & mask; ; i = (i + 1) & mask) {
            int r = slots[i] - 1;
            if (r < 0) return -1;
            if (keys[r] == fp) return r;
        }
    }

    /**
     * The liveness graph of goal {@code goal} (an index into the system's liveness properties): the states
     * reachable from the initial states {@code initial} (fingerprints of their stored forms, in order)
     * through states where the goal is false, numbered and linked as {@link GraphExploration#build} numbers
     * and links them. Null when the recording cannot give it (see the class comment) or a limit of
     * {@code limits} would stop it: the caller then explores as before.
     */
    <S, A> ExplicitGraph<S, A> graph(long[] initial, int goal, RunLimits limits) {
        if (limits.checkTimeAndMemory() || !prepare(null)) return null;
        long bit = 1L << goal;
        ExplicitGraph<S, A> g = new ExplicitGraph<>();
        int most = 0;
        for (int r = 0; r < records; r++) if ((live[r] & bit) != 0) most++;
        ((ArrayList<ExplicitGraph.Node>) g.nodes).ensureCapacity(most);
        Map<Long, long[]> masks = new HashMap<>();
        int[] nodeOf = new int[records];
        Arrays.fill(nodeOf, -1);
        int[] recordOf = new int[Math.max(16, most)];
        for (int pos = 0; pos < initial.length; pos++) {
            int r = find(initial[pos]);
            if (r < 0) return null;
            if ((live[r] & bit) == 0 || nodeOf[r] >= 0) continue;
            if (limits.overStates(g.size() + 1)) return null;
            nodeOf[r] = g.size();
            recordOf[g.size()] = r;
            g.nodes.add(node(r, bit, 0, -1 - pos, 0, masks));
        }
        for (int v = 0; v < g.size(); v++) {
            int r = recordOf[v];
            ExplicitGraph.Node node = g.node(v);
            for (int e = start[r]; e < start[r + 1]; e++) {
                int t = target[e];
                if (t < 0) return null;
                if ((live[t] & bit) == 0) continue;
                int action = label[e] >>> 16;
                int n = nodeOf[t];
                if (n < 0) {
                    if (limits.overStates(g.size() + 1)) return null;
                    n = g.size();
                    nodeOf[t] = n;
                    recordOf[n] = t;
                    g.nodes.add(node(t, bit, node.depth + 1, v, action, masks));
                }
                node.add(n, action, label[e] & 0xFFFF);
            }
        }
        g.complete();
        return g;
    }

    /**
     * The node of state {@code r} in the graph of goal {@code bit}, with room for its edges to goal-false
     * states and its enabled actors (all its successors' actors; one array per set of them, shared).
     */
    private ExplicitGraph.Node node(int r, long bit, int depth, int parent, int action, Map<Long, long[]> masks) {
        int kept = 0;
        long mask = 0;
        int widest = 0;
        for (int e = start[r]; e < start[r + 1]; e++) {
            int actor = label[e] & 0xFFFF;
            if (actor < 64) mask |= 1L << actor;
            widest = Math.max(widest, actor);
            if (target[e] >= 0 && (live[target[e]] & bit) != 0) kept++;
        }
        long[] enabled;
        if (widest < 64) {
            enabled = masks.computeIfAbsent(mask, m -> new long[] {m});
        } else {
            enabled = new long[widest / 64 + 1];
            for (int e = start[r]; e < start[r + 1]; e++) {
                int actor = label[e] & 0xFFFF;
                enabled[actor >>> 6] |= 1L << actor;
            }
        }
        ExplicitGraph.Node node = new ExplicitGraph.Node(depth, parent, action, kept, enabled);
        node.deadEnd = start[r] == start[r + 1];
        node.live = 1;   // as a pass of its own marks it
        return node;
    }
}
