package pagestate.checker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Exact visited set: each slot holds the fingerprint (0 = empty) and the full encoded state, which
 * is compared on every fingerprint match, so distinct states are never merged. Linear probing,
 * fastrange slot choice, load up to 0.75.
 */
final class ExactTable implements StateTable {

    private static final double MAX_LOAD = 0.75;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final int width;
    private long[] fps;
    private long[] states;

    ExactTable(int width, int initialCapacity) {
        this.width = width;
        allocate(Math.max(16, initialCapacity));
    }

    private void allocate(int capacity) {
        if ((long) capacity * width > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("exact table too large");
        fps = new long[capacity];
        states = new long[capacity * width];
    }

    private boolean same(long[] st, int slot, long[] words, int offset) {
        int base = slot * width;
        for (int k = 0; k < width; k++) {
            if (st[base + k] != words[offset + k]) return false;
        }
        return true;
    }

    @Override
    public boolean contains(long fp, long[] words, int offset) {
        long[] f = fps;
        int n = f.length;
        int i = Fingerprints.range(fp, n);
        while (true) {
            long v = f[i];
            if (v == 0) return false;
            if (v == fp && same(states, i, words, offset)) return true;
            if (++i == n) i = 0;
        }
    }

    @Override
    public boolean insert(long fp, long[] words, int offset) {
        long[] f = fps;
        int n = f.length;
        int i = Fingerprints.range(fp, n);
        while (true) {
            long v = f[i];
            if (v == 0) {
                if (SLOT.compareAndSet(f, i, 0L, fp)) {
                    // only the worker owning this fingerprint compares these words
                    System.arraycopy(words, offset, states, i * width, width);
                    return true;
                }
                continue;
            }
            if (v == fp && same(states, i, words, offset)) return false;
            if (++i == n) i = 0;
        }
    }

    @Override
    public boolean fits(long totalStates) {
        return totalStates <= (long) (fps.length * MAX_LOAD);
    }

    @Override
    public void reserve(long totalStates) {
        if (fits(totalStates)) return;
        long want = Math.max(fps.length * 2L, (long) Math.ceil(totalStates / MAX_LOAD) + 1);
        if (want > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("exact table over 2^31 slots");
        long[] oldFps = fps;
        long[] oldStates = states;
        allocate((int) want);
        int n = fps.length;
        for (int s = 0; s < oldFps.length; s++) {
            long fp = oldFps[s];
            if (fp == 0) continue;
            int i = Fingerprints.range(fp, n);
            while (fps[i] != 0) {
                if (++i == n) i = 0;
            }
            fps[i] = fp;
            System.arraycopy(oldStates, s * width, states, i * width, width);
        }
    }

    @Override
    public long growthBytes(long occupied, long fresh, long room) {
        long total = occupied + fresh;
        if (fits(total)) return 0;
        long want = Math.max(Math.max(fps.length * 2L, (long) Math.ceil(total / MAX_LOAD) + 1),
                (long) Math.ceil((total + room) / MAX_LOAD) + 1);
        return want * 8L * (1 + width);
    }

    @Override
    public long allocatedBytes() {
        return 8L * fps.length + 8L * states.length;
    }

    @Override
    public String mode() {
        return "exact";
    }
}
