package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What is needed to rebuild a trace: for every state index its parent's index (or, for an initial
 * state, {@code -1 - position in initialStates()}) and the action index that led to it, plus where
 * each BFS level starts. Parents are chunked {@code int[]}; action indices chunked {@code byte[]},
 * a chunk switching to {@code char[]} once it must hold an index above 255.
 *
 * <p>Threading: {@link #set} may run concurrently for distinct indices once {@link #reserve} (or all
 * the tasks {@link #reserveTasks} returned, which may run concurrently) and {@link #widen} have
 * prepared the chunks.
 */
final class TraceStore {

    private static final int SHIFT = 16;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private int[][] parents = new int[8][];
    private Object[] actions = new Object[8];
    private int chunks;
    private int[] levelStarts = new int[64];
    private int levels;

    /** Chunks allocated by one task of {@link #reserveTasks}. */
    private static final int CHUNKS_A_TASK = 8;

    /** Makes sure indices below {@code total} can be written. */
    void reserve(long total) {
        for (Runnable allocation : reserveTasks(total)) allocation.run();
    }

    /**
     * {@link #reserve} in parallel: makes room in the chunk index for indices below {@code total}, and
     * returns the allocations of the missing chunks. They may run on any threads, each once, and must
     * all have run before those indices are written.
     */
    List<Runnable> reserveTasks(long total) {
        int need = (int) ((total + CHUNK - 1) >>> SHIFT);
        if (need > parents.length) {
            int len = Math.max(need, parents.length * 2);
            parents = Arrays.copyOf(parents, len);
            actions = Arrays.copyOf(actions, len);
        }
        List<Runnable> tasks = new ArrayList<>();
        int[][] p = parents;
        Object[] a = actions;
        for (int lo = chunks; lo < need; lo += CHUNKS_A_TASK) {
            int from = lo;
            int to = Math.min(need, lo + CHUNKS_A_TASK);
            tasks.add(() -> {
                for (int c = from; c < to; c++) {
                    p[c] = new int[CHUNK];
                    a[c] = new byte[CHUNK];
                }
            });
        }
        chunks = Math.max(chunks, need);
        return tasks;
    }

    /** Lets the chunks covering [from, to) hold action indices up to 65535. */
    void widen(long from, long to) {
        for (long c = from >>> SHIFT; c <= (to - 1) >>> SHIFT; c++) {
            if (actions[(int) c] instanceof byte[] b) {
                char[] w = new char[CHUNK];
                for (int i = 0; i < CHUNK; i++) w[i] = (char) (b[i] & 0xFF);
                actions[(int) c] = w;
            }
        }
    }

    void set(int index, int parent, int action) {
        parents[index >>> SHIFT][index & MASK] = parent;
        Object a = actions[index >>> SHIFT];
        if (a instanceof byte[] b) {
            if (action > 255) throw new IllegalStateException("chunk not widened for action " + action);
            b[index & MASK] = (byte) action;
        } else {
            ((char[]) a)[index & MASK] = (char) action;
        }
    }

    int parent(int index) {
        return parents[index >>> SHIFT][index & MASK];
    }

    int action(int index) {
        Object a = actions[index >>> SHIFT];
        return a instanceof byte[] b ? b[index & MASK] & 0xFF : ((char[]) a)[index & MASK];
    }

    /** Records that BFS level {@link #levels()} starts at state index {@code start}. */
    void startLevel(int start) {
        if (levels == levelStarts.length) levelStarts = Arrays.copyOf(levelStarts, levels * 2);
        levelStarts[levels++] = start;
    }

    int levels() {
        return levels;
    }

    /** BFS depth of a state index (its level). */
    int depth(int index) {
        return lastAtMost(levelStarts, levels, index);
    }

    /** The last position in {@code starts[0..count)} (ascending, starts[0] <= key) whose value is at most {@code key}. */
    static int lastAtMost(int[] starts, int count, int key) {
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= key) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** The path to {@code index}: element 0 is the initial position, then the action indices. */
    int[] path(int index) {
        int[] out = new int[depth(index) + 1];
        int k = out.length - 1;
        int i = index;
        while (true) {
            int p = parent(i);
            if (p < 0) {
                out[0] = -1 - p;
                return out;
            }
            out[k--] = action(i);
            i = p;
        }
    }

    /** The bytes {@link #reserve}{@code (total)} would allocate. */
    long growthBytes(long total) {
        long need = (total + CHUNK - 1) >>> SHIFT;
        return Math.max(0, need - chunks) * 5L * CHUNK;
    }

    long allocatedBytes() {
        long bytes = 4L * levelStarts.length + 16L * parents.length;
        for (int c = 0; c < chunks; c++) {
            if (parents[c] == null || actions[c] == null) continue;   // its allocation failed (out of memory)
            bytes += 4L * CHUNK + (actions[c] instanceof byte[] ? CHUNK : 2L * CHUNK);
        }
        return bytes;
    }
}
