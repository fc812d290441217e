package pagestate.checker;

/**
 * The 64-bit fingerprint of an encoded state: a MurmurHash3-style mix of the words. A one-word
 * state maps bijectively (fmix64 is a permutation), so one-word states never collide. The value 0 is
 * reserved for "empty slot" and is replaced by 1.
 */
final class Fingerprints {

    private Fingerprints() { }

    static long of(long[] words, int offset, int count) {
        long h = 0x9E3779B97F4A7C15L;
        if (count == 1) {
            h = fmix(words[offset] ^ h);
        } else {
            for (int i = 0; i < count; i++) {
                h = fmix(h * 0xC2B2AE3D27D4EB4FL + words[offset + i]);
            }
        }
        return h == 0 ? 1 : h;
    }

    static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }

    /** Maps a fingerprint to [0, n) by its high bits ("fastrange": unsigned multiply-high). */
    static int range(long fp, long n) {
        return (int) (Math.multiplyHigh(fp, n) + ((fp >> 63) & n));
    }
}
