package pagestate.checker;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full exploration of {@link SyntheticSystem} (bound 12,000,000, fan-out 3: 11,423,807 distinct
 * states, 34,271,421 transitions) per operation. The score is seconds per exploration; the engine's
 * own figures (states/s, bytes/state) are printed after each iteration. Three explorations warm up:
 * with two threads the second and third still take 10-20% longer than the fourth and later ones
 * (the compiler and the heap settle later than with one), so one warm-up measured the warm-up. Three
 * forks per thread count: how fast a JVM runs moves a few percent from one JVM to the next, and a score
 * from one JVM was once 10% off the others. The heap is touched when the JVM starts ({@code
 * -XX:+AlwaysPreTouch}): an exploration allocates about 0.9 GB of large arrays, and when the collector
 * happens to place some in parts of the heap no earlier exploration used, first touching that memory
 * costs this virtual machine 0.3 s per GB (see {@code MachineCheck}), once in a while 0.3 to 0.6 s in one
 * exploration, with either thread count. The figures are then the engine's, not those of where the
 * heap's high-water mark happens to be; the first runs of {@code SyntheticBench} and of the command
 * line pay that cost in full.
 *
 * <p>Run: {@code mvn -B -Pbench -pl checker test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 3, jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class ExplorationBenchmark {

    @Param({"1", "2"})
    public int threads;

    private final SyntheticSystem system = new SyntheticSystem(12_000_000L, 3, -1);
    private CheckResult<Long, Integer> last;

    @Benchmark
    public long explore() {
        last = Checker.check(system, CheckerConfig.defaults().withThreads(threads));
        if (!last.complete()) throw new IllegalStateException("incomplete: " + last.stopReason());
        return last.stats().distinctStates();
    }

    @TearDown(Level.Iteration)
    public void report() {
        Stats s = last.stats();
        System.out.printf("%n  [threads %d] %,d states, %,d transitions, %.2f s, %,.0f states/s, %.2f bytes/state%n",
                threads, s.distinctStates(), s.transitions(), s.seconds(), s.statesPerSecond(), s.bytesPerState());
    }
}
