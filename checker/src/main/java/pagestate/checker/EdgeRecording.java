package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The state graph the safety search walks, recorded for liveness so that no liveness pass explores it
 * again: for every state the search expands, its fingerprint, which liveness goals are false in it, and,
 * when one is, every successor (also those partial-order reduction leaves out) as its fingerprint, action
 * index and actor. Each worker appends to its own buffers ({@link Worker}), in whatever order it expands;
 * {@link #prepare} turns them into arrays indexed by state, and a liveness graph ({@link #graph}) is then a
 * breadth-first search over them from the initial states, so its numbering, edges and tree are those of
 * {@link GraphExploration} over the same form, at every thread count.
 *
 * <p>The recording gives up (and liveness explores as before) when a goal cannot be told on the encoded
 * words ({@link TransitionSystem#encodedGoal}), when it would pass its byte budget, when an
 * action index or actor does not fit 16 bits, or when a state the liveness graph needs has no record (a
 * state reached only through an edge partial-order reduction left out, or a search a limit stopped).
 * States are keyed by their 64-bit fingerprints, with the safety search's collision bound.
 */
final class EdgeRecording {

    private final long budget;
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean failed;
    private final List<Worker> workers = new ArrayList<>();
    /** Built by {@link #prepare}: the states, their goal-false bits, successors and enabled actors. */
    private long[] slots;
    private int records;
    /** Per state: goal-false bits, and where its successors start in {@link #target} and {@link #label}. */
    private long[] live;
    private int[] start;
    /** Per state: the actors below 64 of all its successors (enabled in it), as a mask. */
    private long[] actors;
    /** Whether some successor's actor is 64 or more (then a state's enabled actors are counted from its edges). */
    private boolean wideActors;
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

    /** Gives the recording up between levels (the safety search's forms changed: liveness explores). */
    void giveUp() {
        fail();
        bytes.set(0);   // between levels: no worker records now, and the buffers are dropped
    }

    private void fail() {
        failed = true;
        for (Worker w : workers) w.clear();
    }

    /** Takes {@code n} more bytes of the budget; false when they pass it (the recording then fails). */
    boolean reserve(long n) {
        return bytes.addAndGet(n) <= budget;
    }

    /**
     * One worker's records ({@link RecordBuffer}). Per state, in its longs: fingerprint, goal-false bits,
     * successor count, then (goal-false states only) the successors' fingerprints; in its ints: per
     * successor, its action index (high 16 bits) and actor (low 16 bits).
     */
    final class Worker {
        private RecordBuffer buffer = new RecordBuffer(EdgeRecording.this);

        /** Starts the record of a state; returns whether its successors are wanted (a goal is false in it). */
        boolean begin(long fp, long live) {
            if (failed) return false;
            try {
                if (!buffer.begin(fp, live)) {
                    fail();
                    return false;
                }
            } catch (OutOfMemoryError e) {
                fail();
                return false;
            }
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
                if (!buffer.edge(fp, action << 16 | actor)) fail();
            } catch (OutOfMemoryError e) {
                fail();
            }
        }

        void end() {
            if (!failed) buffer.end();
        }

        private void clear() {
            buffer = new RecordBuffer(EdgeRecording.this);
        }
    }

    /**
     * Turns the records into one array graph (once): each state's goal-false bits, enabled actors and its
     * successors as state numbers (-1 for a successor never expanded), in action order; the workers'
     * buffers are dropped. False when the recording failed. Called (with the workers that share out the
     * edges, or null) before {@link #graph}s are taken at once by several threads.
     */
    boolean prepare(Workers pool) {
        if (failed) return false;
        if (slots != null) return true;
        try {
            return index(pool);
        } catch (OutOfMemoryError e) {
            fail();
            slots = null;
            live = null;
            actors = null;
            target = null;
            label = null;
            return false;   // the passes explore as before, where memory is a limit
        }
    }

    private boolean index(Workers pool) {
        int n = 0;
        long edges = 0;
        for (Worker w : workers) {
            n += w.buffer.records();
            edges += w.buffer.edges();
        }
        if (edges > Integer.MAX_VALUE - 8 || n > (1 << 29)) return false;
        // the table: fingerprint and state number + 1 side by side (one cache line a probe), half full at most
        slots = new long[2 * (Integer.highestOneBit(Math.max(16, n) * 2 - 1) << 1)];
        live = new long[n];
        actors = new long[n];
        start = new int[n + 1];
        target = new int[(int) edges];
        label = new int[(int) edges];
        int[] recWorker = new int[n];
        long[] recLong = new long[n];
        long[] recInt = new long[n];
        for (int wi = 0; wi < workers.size(); wi++) {   // the states: a state expanded twice keeps its first record
            RecordBuffer w = workers.get(wi).buffer;
            long q = 0;
            for (long p = 0; p < w.longs(); ) {
                long fp = w.longAt(p);
                int count = (int) w.longAt(p + 2);
                int i = place(fp);
                if (slots[i + 1] == 0) {
                    int r = records++;
                    slots[i] = fp;
                    slots[i + 1] = r + 1;
                    live[r] = w.longAt(p + 1);
                    recWorker[r] = wi;
                    recLong[r] = p;
                    recInt[r] = q;
                    start[r + 1] = start[r] + count;
                }
                p += 3 + count;
                q += count;
            }
        }
        // the edges, states in blocks shared out among the workers (each block's edges are its own)
        int blocks = (records + EDGE_BLOCK - 1) / EDGE_BLOCK;
        AtomicInteger next = new AtomicInteger();
        boolean[] wide = new boolean[1];
        IntConsumer fill = x -> {
            for (int b; (b = next.getAndIncrement()) < blocks; ) {
                for (int r = b * EDGE_BLOCK; r < Math.min(records, (b + 1) * EDGE_BLOCK); r++) {
                    RecordBuffer w = workers.get(recWorker[r]).buffer;
                    long mask = 0;
                    long fps = recLong[r] + 3;
                    long labels = recInt[r];
                    for (int k = 0, e = start[r]; e < start[r + 1]; k++, e++) {
                        target[e] = find(w.longAt(fps + k));
                        int l = w.intAt(labels + k);
                        label[e] = l;
                        int actor = l & 0xFFFF;
                        if (actor < 64) mask |= 1L << actor;
                        else wide[0] = true;   // any worker's write will do
                    }
                    actors[r] = mask;
                }
            }
        };
        if (pool != null) pool.run(fill); else fill.accept(0);
        wideActors = wide[0];
        for (Worker w : workers) w.clear();
        return true;
    }

    /** States per block of {@link #prepare}'s edge pass. */
    private static final int EDGE_BLOCK = 4096;

    /** The table position of {@code fp}: where it is, or the empty pair where it goes. */
    private int place(long fp) {
        int mask = slots.length - 2;
        for (int i = (int) (fp ^ (fp >>> 32)) << 1 & mask; ; i = (i + 2) & mask) {
            if (slots[i + 1] == 0 || slots[i] == fp) return i;
        }
    }

    private int find(long fp) {
        return (int) slots[place(fp) + 1] - 1;
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
        long[] in = new long[(records + 63) >>> 6];   // the goal-false states, as bits: small enough for a cache
        for (int r = 0; r < records; r++) {
            if ((live[r] & bit) != 0) {
                most++;
                in[r >>> 6] |= 1L << r;
            }
        }
        ((ArrayList<ExplicitGraph.Node>) g.nodes).ensureCapacity(most);
        EnabledActors masks = new EnabledActors();
        int[] nodeOf = new int[records];
        Arrays.fill(nodeOf, -1);
        int[] recordOf = new int[Math.max(16, most)];
        int widest = 0;
        for (int r = 0; r < records; r++) widest = Math.max(widest, start[r + 1] - start[r]);
        int[] targets = new int[widest];   // a state's edges in the graph, before they get arrays of their own
        int[] labels = new int[widest];
        for (int pos = 0; pos < initial.length; pos++) {
            int r = find(initial[pos]);
            if (r < 0) return null;
            if ((live[r] & bit) == 0 || nodeOf[r] >= 0) continue;
            if (limits.overStates(g.size() + 1)) return null;
            nodeOf[r] = g.size();
            recordOf[g.size()] = r;
            g.nodes.add(node(r, 0, -1 - pos, 0, masks));
        }
        for (int v = 0; v < g.size(); v++) {
            int r = recordOf[v];
            ExplicitGraph.Node node = g.node(v);
            int kept = 0;
            for (int e = start[r]; e < start[r + 1]; e++) {
                int t = target[e];
                if (t < 0) return null;
                if ((in[t >>> 6] & 1L << t) == 0) continue;
                int n = nodeOf[t];
                if (n < 0) {
                    if (limits.overStates(g.size() + 1)) return null;
                    n = g.size();
                    nodeOf[t] = n;
                    recordOf[n] = t;
                    g.nodes.add(node(t, node.depth + 1, v, label[e] >>> 16, masks));
                }
                targets[kept] = n;
                labels[kept++] = label[e];
            }
            node.targets = Arrays.copyOf(targets, kept);
            node.actions = new int[kept];
            node.actors = new int[kept];
            for (int k = 0; k < kept; k++) {
                node.actions[k] = labels[k] >>> 16;
                node.actors[k] = labels[k] & 0xFFFF;
            }
            node.edges = kept;
        }
        g.complete();
        return g;
    }

    /**
     * The node of state {@code r}, its edges still to be given, with its enabled actors (all its
     * successors' actors; one array per set of them, shared).
     */
    private ExplicitGraph.Node node(int r, int depth, int parent, int action, EnabledActors masks) {
        long[] enabled = null;
        if (wideActors) {
            int widest = 0;
            for (int e = start[r]; e < start[r + 1]; e++) widest = Math.max(widest, label[e] & 0xFFFF);
            if (widest >= 64) {
                enabled = new long[widest / 64 + 1];
                for (int e = start[r]; e < start[r + 1]; e++) {
                    int actor = label[e] & 0xFFFF;
                    enabled[actor >>> 6] |= 1L << actor;
                }
            }
        }
        if (enabled == null) enabled = masks.of(actors[r]);
        ExplicitGraph.Node node = new ExplicitGraph.Node(depth, parent, action, 0, enabled);
        node.deadEnd = start[r] == start[r + 1];
        node.live = 1;   // as a pass of its own marks it
        return node;
    }
}
