package pagestate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import java.util.LinkedHashSet;
import java.util.Set;
import pagestate.checker.CheckResult;
import pagestate.checker.Checker;
import pagestate.checker.CheckerConfig;
import pagestate.model.ModelAction;
import pagestate.model.PropertyName;
import pagestate.model.SystemModel;
import pagestate.checker.Stats;
import pagestate.specs.Spec;
import pagestate.specs.SpecLoader;
import pagestate.specs.SpecResult;

/**
 * One full exploration of a bundled bench spec (specs/bench) on the page model, as {@code pagestate check}
 * runs it, per operation: every property the spec checks, with or without the reductions. The score is
 * seconds per exploration; after each iteration the engine's own figures are printed (states,
 * transitions, transitions/s). With {@code -prof gc} (the profile's default), {@code gc.alloc.rate.norm}
 * is the bytes allocated per exploration: divide by the printed transitions for bytes per transition.
 *
 * <p>Configurations ({@code spec:reduction[:safety]}): the unreduced one of issue 18 (TDX generic path, 3 CPUs,
 * two readers, 2 pages, 2 mappings), the largest 4-CPU bench reduced (symmetry and partial-order reduction,
 * the default), and the 8-CPU bench reduced. With {@code :safety}, only the spec's safety properties are
 * checked (no liveness pass): the safety search alone.
 *
 * <p>Threads: a number, or {@code 1v2}: each operation then explores with one thread and then with two (in
 * turn, the first one first on odd operations) and prints both times and their ratio, so that the ratio is
 * taken pair by pair on a machine whose speed drifts; the score is then the pair's time.
 *
 * <p>Run (from the project root): {@code mvn -B -Pbench -pl cli -am -DskipTests test};
 * one configuration: add {@code -Dbench.args="PageModelBenchmark -p config=tdx-generic-to-shared-4cpu:reduced -prof gc"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class PageModelBenchmark {

    @Param({"tdx-generic-to-shared-3cpu-2pages:none", "tdx-generic-to-shared-4cpu:reduced",
            "tdx-generic-to-shared-8cpu:reduced"})
    public String config;

    @Param({"1"})
    public String threads;

    private Spec spec;
    private CheckerConfig checker;
    private boolean safetyOnly;
    private Stats last;
    private CheckerConfig two;
    private int pairs;
    private final java.util.List<Double> ratios = new java.util.ArrayList<>();
    private boolean measuring;

    @Setup(Level.Iteration)
    public void iteration(org.openjdk.jmh.infra.IterationParams params) {
        measuring = params.getType() == org.openjdk.jmh.runner.IterationType.MEASUREMENT;
    }

    @Setup
    public void load() {
        String[] parts = config.split(":");
        Path root = Path.of(System.getProperty("pagestate.home", ".."));
        if (!Files.isDirectory(root.resolve("specs/bench"))) root = Path.of(".");
        SpecResult r = SpecLoader.load(root.resolve("specs/bench/" + parts[0] + SpecLoader.EXTENSION));
        if (!(r instanceof SpecResult.Loaded loaded)) throw new IllegalStateException("bench spec " + parts[0] + ": " + r.errors());
        spec = loaded.spec();
        boolean reduced = parts[1].equals("reduced");
        safetyOnly = parts.length > 2 && parts[2].equals("safety");
        boolean paired = threads.equals("1v2");
        checker = CheckerConfig.defaults().withThreads(paired ? 1 : Integer.parseInt(threads)).withSymmetry(reduced)
                .withPor(reduced);
        two = paired ? checker.withThreads(2) : null;
    }

    @Benchmark
    public long explore() {
        if (two == null) return explore(checker);
        boolean oneFirst = pairs++ % 2 == 0;
        Stats first = stats(oneFirst ? checker : two);
        Stats second = stats(oneFirst ? two : checker);
        Stats one = oneFirst ? first : second;
        Stats both = oneFirst ? second : first;
        if (measuring) ratios.add(one.seconds() / both.seconds());
        System.out.printf("%n  [%s, pair %d] one thread %.2f s, two %.2f s: %.2fx%n", config, pairs, one.seconds(),
                both.seconds(), one.seconds() / both.seconds());
        return last.distinctStates();
    }

    private long explore(CheckerConfig config) {
        return stats(config).distinctStates();
    }

    private Stats stats(CheckerConfig config) {
        CheckResult<?, ?> result = safetyOnly ? safety(spec.config().newModel(), config) : SpecRun.run(spec, config).result();
        if (!result.complete()) throw new IllegalStateException("incomplete: " + result.stopReason());
        last = result.stats();
        return last;
    }

    /** The spec's safety properties alone. */
    private <S, A extends ModelAction> CheckResult<S, A> safety(SystemModel<S, A> model, CheckerConfig config) {
        Set<String> safety = new LinkedHashSet<>();
        for (String p : spec.properties()) if (!model.property(PropertyName.bySpecName(p).orElseThrow()).isLiveness()) safety.add(p);
        return Checker.check(new ModelSystem<>(model, safety), config);
    }

    /** With {@code 1v2}: the median of the measured pairs' ratios (one thread's time over two threads'). */
    @TearDown(Level.Trial)
    public void ratios() {
        if (ratios.isEmpty()) return;
        double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
        System.out.printf("%n  [%s] %d pairs, two threads against one: median %.2fx, %.2fx to %.2fx%n", config,
                r.length, median, r[0], r[r.length - 1]);
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n  [%s, threads %s] %,d states, %,d transitions, %.2f s, %,.0f transitions/s%n",
                config, threads, last.distinctStates(), last.transitions(), last.seconds(),
                last.transitions() / last.seconds());
    }
}
