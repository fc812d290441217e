package pagestate.checker;

/**
 * The enabled actors of a liveness graph's states ({@link ExplicitGraph.Node#enabledActors}) when all are
 * below 64: one shared array per set of them (a graph has few sets), found in a small open-addressing
 * table keyed by the set's mask.
 */
final class EnabledActors {

    private long[] keys = new long[64];
    private long[][] values = new long[64][];
    private int size;

    /** The shared array of the actors in {@code mask}. */
    long[] of(long mask) {
        int i = slot(mask);
        if (values[i] != null) return values[i];
        long[] v = {mask};
        keys[i] = mask;
        values[i] = v;
        if (++size * 2 > keys.length) grow();
        return v;
    }

    private int slot(long mask) {
        int m = keys.length - 1;
        int i = (int) (mask * 0x9E3779B97F4A7C15L >>> 40) & m;
        while (values[i] != null && keys[i] != mask) i = (i + 1) & m;
        return i;
    }

    private void grow() {
        long[][] old = values;
        keys = new long[old.length * 2];
        values = new long[old.length * 2][];
        for (long[] v : old) {
            if (v == null) continue;
            int i = slot(v[0]);
            keys[i] = v[0];
            values[i] = v;
        }
    }
}
