package pagestate.checker;

/**
 * The machine's state, to read beside {@link SyntheticBench}'s figures (not a test): on a shared
 * virtual machine the engine's speed follows the memory system's, which drifts by a factor of two to
 * four within a day while arithmetic stays put. Run in its own JVM, before and after the benchmark:
 * {@code java -Xmx2g -cp checker/target/test-classes pagestate.checker.MachineCheck}. Prints, best of
 * three: an arithmetic loop (1e9 dependent multiply-xorshift steps), random read-modify-writes over a
 * 256 MiB array (5e7 of them, ns each), and the first touch of 512 MiB of fresh memory (ms per GiB). Then
 * what two threads give over one on two loops: the dependent steps (latency-bound) and sums over an
 * 8 KiB array (throughput-bound, in a core's first-level cache). Two cores of their own give 2x on both;
 * two hardware threads of one core give 2x on the first only, as they share its execution units.
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
        fresh = null;
        int[] small = new int[2048];
        for (int i = 0; i < small.length; i++) small[i] = i;
        double[] chain = new double[3];
        double[] sums = new double[3];
        for (int rep = -1; rep < 3; rep++) {   // the first round compiles the loops: not counted
            double c = twoOverOne(() -> arithmetic(300_000_000L));
            double t = twoOverOne(() -> sums(small, 300_000));
            if (rep >= 0) {
                chain[rep] = c;
                sums[rep] = t;
            }
        }
        java.util.Arrays.sort(chain);
        java.util.Arrays.sort(sums);
        System.out.printf("two threads over one (median of 3): dependent steps %.2fx, first-level-cache sums %.2fx%n",
                chain[1], sums[1]);
    }

    /** The throughput of {@code work} on two threads at once over one thread's. */
    private static double twoOverOne(java.util.function.LongSupplier work) {
        long[] out = new long[2];
        long t0 = System.nanoTime();
        out[0] = work.getAsLong();
        long one = System.nanoTime() - t0;
        Thread other = new Thread(() -> out[1] = work.getAsLong());
        t0 = System.nanoTime();
        other.start();
        out[0] ^= work.getAsLong();
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long two = System.nanoTime() - t0;
        if ((out[0] ^ out[1]) == 42) System.out.print("");   // the results are used
        return 2.0 * one / two;
    }

    /** Independent multiply-adds over {@code a}, {@code reps} times: as many per cycle as the core can issue. */
    private static long sums(int[] a, int reps) {
        long s = 0;
        for (int r = 0; r < reps; r++) {
            int s0 = 0;
            int s1 = 0;
            int s2 = 0;
            int s3 = 0;
            for (int i = 0; i < a.length; i += 4) {
                s0 += a[i] * 3;
                s1 += a[i + 1] * 5;
                s2 += a[i + 2] * 7;
                s3 += a[i + 3] * 9;
            }
            s += s0 + s1 + s2 + s3 + r;
        }
        return s;
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
