package pagestate.checker;

/**
 * Encodes a state into a fixed number of 64-bit words and back. Encoding then decoding gives an
 * equal state; equal states encode to equal words.
 */
public interface StateCodec<S> {

    /** Number of words of every encoded state (at least 1). */
    int words();

    /** Writes {@code state} into {@code out[offset .. offset + words())}. */
    void encode(S state, long[] out, int offset);

    /** Reads a state from {@code in[offset .. offset + words())}. */
    S decode(long[] in, int offset);
}
