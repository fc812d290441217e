package pagestate.model;

import java.util.Arrays;

/**
 * The state of a small seed-system model as a fixed row of small fields (each 0..255), so that states
 * are values (equals, hashCode) and encode to a few 64-bit words. Each system names its fields.
 */
public final class Fields {

    /** The largest value a field holds (one byte); a program counter is a field, so a program has at most this many steps. */
    public static final int MAX_VALUE = 255;

    private final byte[] v;

    public Fields(int size) {
        this.v = new byte[size];
    }

    private Fields(byte[] v) {
        this.v = v;
    }

    public int size() { return v.length; }

    public int get(int i) { return v[i] & 0xff; }

    public boolean flag(int i) { return v[i] != 0; }

    /** A copy with field {@code i} set to {@code value}. */
    public Fields with(int i, int value) {
        if (value < 0 || value > MAX_VALUE) throw new IllegalArgumentException("field value out of range: " + value);
        if (get(i) == value) return this;
        byte[] c = v.clone();
        c[i] = (byte) value;
        return new Fields(c);
    }

    public Fields with(int i, boolean value) {
        return with(i, value ? 1 : 0);
    }

    public static int words(int size) {
        return (size + 7) / 8;
    }

    public void encode(long[] out, int offset) {
        for (int w = 0; w < words(v.length); w++) {
            long word = 0;
            for (int b = 0; b < 8 && w * 8 + b < v.length; b++) word |= (long) (v[w * 8 + b] & 0xff) << (8 * b);
            out[offset + w] = word;
        }
    }

    public static Fields decode(long[] in, int offset, int size) {
        byte[] v = new byte[size];
        for (int i = 0; i < size; i++) v[i] = (byte) (in[offset + i / 8] >>> (8 * (i % 8)));
        return new Fields(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fields f && Arrays.equals(v, f.v);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return Arrays.toString(v);
    }
}
