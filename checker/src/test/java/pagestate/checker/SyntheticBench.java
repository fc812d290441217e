package pagestate.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plain benchmark of the BFS on {@link SyntheticSystem} (not a test): prints the engine's own
 * figures for every run, then a summary: per thread count the range of states per second, and per
 * round the speed-up of each thread count over the first one of that round. Run: {@code mvn -q -o
 * -pl checker test-compile && java -Xmx8g -cp checker/target/classes:checker/target/test-classes
 * pagestate.checker.SyntheticBench 12000000 3 1 2} (bound, fan-out, thread counts...; two rounds, each
 * runs the thread counts in order in one JVM). Read it beside {@link MachineCheck}.
 */
public final class SyntheticBench {

    private static final int ROUNDS = 2;

    private SyntheticBench() { }

    public static void main(String[] args) {
        long bound = args.length > 0 ? Long.parseLong(args[0]) : 12_000_000L;
        int fanout = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Integer> counts = new ArrayList<>();
        for (int i = 2; i < args.length; i++) counts.add(Integer.parseInt(args[i]));
        if (counts.isEmpty()) counts.add(1);
        SyntheticSystem sys = new SyntheticSystem(bound, fanout, -1);
        Map<Integer, List<Double>> rates = new TreeMap<>();
        List<String> speedUps = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double first = 0;
            for (int threads : counts) {
                CheckResult<Long, Integer> r = Checker.check(sys, CheckerConfig.defaults().withThreads(threads));
                Stats s = r.stats();
                System.out.printf("threads %d: %,d states, %,d transitions, depth %d, %.2f s, %,.0f states/s, %.2f bytes/state, complete %s%n",
                        threads, s.distinctStates(), s.transitions(), s.maxDepth(), s.seconds(), s.statesPerSecond(),
                        s.bytesPerState(), r.complete());
                rates.computeIfAbsent(threads, k -> new ArrayList<>()).add(s.statesPerSecond());
                if (threads == counts.get(0)) {
                    first = s.statesPerSecond();
                } else {
                    speedUps.add(String.format("%d→%d threads %.2f×", counts.get(0), threads, s.statesPerSecond() / first));
                }
            }
        }
        for (Map.Entry<Integer, List<Double>> e : rates.entrySet()) {
            double lo = e.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double hi = e.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            System.out.printf("summary: threads %d: %.2f to %.2f million states/s over %d runs%n",
                    e.getKey(), lo / 1e6, hi / 1e6, e.getValue().size());
        }
        if (!speedUps.isEmpty()) System.out.println("summary: speed-up per round: " + String.join(", ", speedUps));
    }
}
