package pagestate.checker;

import java.util.Arrays;

/**
 * The index of every stored state of a liveness pass ({@link GraphExploration}) by its encoded words: an
 * open-addressing table of state indices, probed by the words' fingerprint, the words themselves kept in
 * one array (no object per state or per lookup: a successor is encoded into a scratch buffer and looked
 * up there).
 */
final class StateIndex {
    private final int width;
    /** State i's words are {@code words[i * width ..]}: an expansion on encoded words reads its parents there. */
    long[] words;
    private long[] fps = new long[128];
    private int[] slots = new int[256];   // state index + 1, 0 = empty
    private int size;

    StateIndex(int width) {
        this.width = width;
        this.words = new long[128 * width];
    }

    /** The index of the state encoded in {@code w[0 .. width)}, or -1. */
    int find(long[] w, long fp) {
        return find(w, 0, fp);
    }

    /** The index of the state encoded in {@code w[offset .. offset + width)}, or -1. */
    int find(long[] w, int offset, long fp) {
        int mask = slots.length - 1;
        for (int i = (int) (fp ^ (fp >>> 32)) & mask; ; i = (i + 1) & mask) {
            int v = slots[i] - 1;
            if (v < 0) return -1;
            if (fps[v] == fp && Arrays.equals(words, v * width, v * width + width, w, offset, offset + width)) return v;
        }
    }

    /** Adds the state encoded in {@code w} (absent) as index {@link #size}. */
    void add(long[] w, long fp) {
        add(w, 0, fp);
    }

    /** Adds the state encoded in {@code w[offset .. offset + width)} (absent) as index {@link #size}. */
    void add(long[] w, int offset, long fp) {
        if (size == fps.length) {
            long longs = 2L * size * width;
            if (longs > Integer.MAX_VALUE - 8 || 4L * size > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("liveness graph over 2^31 words");
            fps = Arrays.copyOf(fps, size * 2);
            words = Arrays.copyOf(words, (int) longs);
        }
        System.arraycopy(w, offset, words, size * width, width);
        fps[size] = fp;
        size++;
        if (2L * size > slots.length) {
            slots = new int[slots.length * 2];
            for (int v = 0; v < size; v++) place(v);
        } else {
            place(size - 1);
        }
    }

    private void place(int v) {
        int mask = slots.length - 1;
        long fp = fps[v];
        int i = (int) (fp ^ (fp >>> 32)) & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = v + 1;
    }
}
