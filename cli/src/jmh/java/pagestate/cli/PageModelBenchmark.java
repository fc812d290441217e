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
    public int threads;

    private Spec spec;
    private CheckerConfig checker;
    private boolean safetyOnly;
    private Stats last;

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
        checker = CheckerConfig.defaults().withThreads(threads).withSymmetry(reduced).withPor(reduced);
    }

    @Benchmark
    public long explore() {
        CheckResult<?, ?> result = safetyOnly ? safety(spec.config().newModel()) : SpecRun.run(spec, checker).result();
        if (!result.complete()) throw new IllegalStateException("incomplete: " + result.stopReason());
        last = result.stats();
        return last.distinctStates();
    }

    /** The spec's safety properties alone. */
    private <S, A extends ModelAction> CheckResult<S, A> safety(SystemModel<S, A> model) {
        Set<String> safety = new LinkedHashSet<>();
        for (String p : spec.properties()) if (!model.property(PropertyName.bySpecName(p).orElseThrow()).isLiveness()) safety.add(p);
        return Checker.check(new ModelSystem<>(model, safety), checker);
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n  [%s, threads %d] %,d states, %,d transitions, %.2f s, %,.0f transitions/s%n",
                config, threads, last.distinctStates(), last.transitions(), last.seconds(),
                last.transitions() / last.seconds());
    }
}
