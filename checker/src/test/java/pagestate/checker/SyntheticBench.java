package pagestate.checker;

/**
 * A plain benchmark of the BFS on {@link SyntheticSystem} (not a test): prints the engine's own
 * figures. Run: {@code mvn -q -o -pl checker test-compile && java -Xmx8g -cp
 * checker/target/classes:checker/target/test-classes pagestate.checker.SyntheticBench 12000000 3 1 2}
 * (bound, fanout, thread counts...).
 */
public final class SyntheticBench {

    private SyntheticBench() { }

    public static void main(String[] args) {
        long bound = args.length > 0 ? Long.parseLong(args[0]) : 12_000_000L;
        int fanout = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SyntheticSystem sys = new SyntheticSystem(bound, fanout, -1);
        for (int rep = 0; rep < 2; rep++) {
            for (int i = 2; i < Math.max(3, args.length); i++) {
                int threads = args.length > i ? Integer.parseInt(args[i]) : 1;
                CheckResult<Long, Integer> r = Checker.check(sys, CheckerConfig.defaults().withThreads(threads));
                Stats s = r.stats();
                System.out.printf("threads %d: %,d states, %,d transitions, depth %d, %.2f s, %,.0f states/s, %.2f bytes/state, complete %s%n",
                        threads, s.distinctStates(), s.transitions(), s.maxDepth(), s.seconds(), s.statesPerSecond(),
                        s.bytesPerState(), r.complete());
            }
        }
    }
}
