package pagestate.checker;

/**
 * The machine's state, to read beside {@link SyntheticBench}'s figures (not a test): on a shared
 * virtual machine the engine's speed follows the memory system's, which drifts by a factor of two to
 * four within a day while arithmetic stays put. Run in its own JVM, before and after the benchmark:
 * {@code java -Xmx2g -cp checker/target/test-classes pagestate.checker.MachineCheck}. Prints, best of
 * three: an arithmetic loop (1e9 dependent multiply-xorshift steps), random read-modify-writes over a
 * 256 MiB array (5e7 of them, ns each), and the first touch of 512 MiB of fresh memory (ms per GiB).
 */
public final class MachineCheck {

    private MachineCheck() { }

    public static void main(String[] args) {
        long[] table = new long[32 << 20];
        for (int i = 0; i < table.length; i += 512) table[i] = i;   // touched before timing
        double alu = Double.MAX_VALUE;
        double random = Double.MAX_VALUE;
        long sink = 0;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            sink += arithmetic(1_000_000_000L);
            alu = Math.min(alu, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            sink += randomAccess(table, 50_000_000L);
            random = Math.min(random, (System.nanoTime() - t0) / 50_000_000.0);
        }
        // fresh memory last: a touched heap would make the engine's later runs look cheaper
        long t0 = System.nanoTime();
        long[][] fresh = new long[4][];
        for (int k = 0; k < fresh.length; k++) {
            fresh[k] = new long[16 << 20];
            for (int i = 0; i < fresh[k].length; i += 512) fresh[k][i] = i;
        }
        double touch = (System.nanoTime() - t0) / 1e6 * 2;
        System.out.printf("machine: arithmetic %.2f s, random access %.1f ns, fresh memory %.0f ms/GiB (%d)%n",
                alu, random, touch, (sink ^ fresh[3][512]) & 1);
    }

    private static long arithmetic(long n) {
        long x = 1;
        for (long i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 17;
        }
        return x;
    }

    private static long randomAccess(long[] a, long n) {
        long x = 1;
        long s = 0;
        int len = a.length;
        for (long i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1;
            int j = (int) ((x >>> 33) % len);
            s += a[j];
            a[j] = s;
        }
        return s;
    }
}
