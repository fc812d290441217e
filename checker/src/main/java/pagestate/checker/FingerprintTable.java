package pagestate.checker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Open addressing over a {@code long[]} of fingerprints (0 = empty), linear probing, slot chosen by
 * the fingerprint's high bits ("fastrange"), so the capacity need not be a power of two. Load up to
 * 0.9, growth by x1.2: between 8.9 and 10.7 bytes per state. Concurrent inserts CAS the slot.
 */
final class FingerprintTable implements StateTable {

    static final double MAX_LOAD = 0.9;
    static final double GROWTH = 1.2;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private long[] slots;

    FingerprintTable(int initialCapacity) {
        slots = new long[Math.max(16, initialCapacity)];
    }

    @Override
    public long peek(long fp) {
        long[] t = slots;
        return t[Fingerprints.range(fp, t.length)];
    }

    @Override
    public boolean contains(long fp, long[] words, int offset) {
        long[] t = slots;
        int n = t.length;
        int i = Fingerprints.range(fp, n);
        while (true) {
            long v = t[i];
            if (v == fp) return true;
            if (v == 0) return false;
            if (++i == n) i = 0;
        }
    }

    @Override
    public boolean insert(long fp, long[] words, int offset) {
        long[] t = slots;
        int n = t.length;
        int i = Fingerprints.range(fp, n);
        while (true) {
            long v = t[i];
            if (v == fp) return false;
            if (v == 0) {
                if (SLOT.compareAndSet(t, i, 0L, fp)) return true;
                continue;   // lost a race for this slot: look at it again
            }
            if (++i == n) i = 0;
        }
    }

    @Override
    public boolean fits(long totalStates) {
        return totalStates <= (long) (slots.length * MAX_LOAD);
    }

    @Override
    public void reserve(long totalStates) {
        if (fits(totalStates)) return;
        long want = Math.max((long) (slots.length * GROWTH), (long) Math.ceil(totalStates / MAX_LOAD) + 1);
        if (want > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("fingerprint table over 2^31 slots");
        long[] old = slots;
        long[] t = new long[(int) want];
        int n = t.length;
        // Old slot order is nearly fingerprint order, hence nearly new slot order: a streaming rehash.
        for (long fp : old) {
            if (fp == 0) continue;
            int i = Fingerprints.range(fp, n);
            while (t[i] != 0) {
                if (++i == n) i = 0;
            }
            t[i] = fp;
        }
        slots = t;
    }

    @Override
    public long allocatedBytes() {
        return 8L * slots.length;
    }

    @Override
    public String mode() {
        return "fingerprint";
    }
}
