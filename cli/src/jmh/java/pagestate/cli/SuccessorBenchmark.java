package pagestate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import pagestate.model.SystemModel;
import pagestate.model.cpu.PageAction;
import pagestate.model.cpu.PageModel;
import pagestate.model.cpu.PageState;
import pagestate.specs.SpecLoader;
import pagestate.specs.SpecResult;

/**
 * The page model's successor function alone, without the engine: one operation expands a fixed sample of
 * reachable encoded states (the first {@code SAMPLE} states of a breadth-first walk of a bench spec) into
 * their encoded successors, either on packed words ({@code packed}) or as the reference does (decode,
 * object successors, encode: {@code objects}), plain or in canonical form. The aux counter
 * {@code transitions} gives successors per second; {@code gc.alloc.rate.norm} (with {@code -prof gc})
 * divided by {@link #transitionsPerOp} printed at setup gives bytes per transition.
 *
 * <p>Run (from the project root): {@code mvn -B -Pbench -pl cli -am -DskipTests test
 * -Dbench.args="SuccessorBenchmark -prof gc"}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SuccessorBenchmark {

    static final int SAMPLE = 20_000;

    @State(Scope.Benchmark)
    public static class Sample {
        @Param({"tdx-generic-to-shared-3cpu-2pages", "tdx-generic-to-shared-4cpu"})
        public String spec;

        @Param({"false", "true"})
        public boolean canonical;

        PageModel model;
        long[] states;
        int words;
        int count;
        long transitionsPerOp;

        @Setup
        public void walk() {
            Path root = Path.of(System.getProperty("pagestate.home", ".."));
            if (!Files.isDirectory(root.resolve("specs/bench"))) root = Path.of(".");
            SpecResult r = SpecLoader.load(root.resolve("specs/bench/" + spec + SpecLoader.EXTENSION));
            if (!(r instanceof SpecResult.Loaded loaded)) throw new IllegalStateException(spec + ": " + r.errors());
            model = (PageModel) loaded.spec().config().newModel();
            words = model.words();
            List<PageState> order = new ArrayList<>();
            HashSet<PageState> seen = new HashSet<>();
            order.add(model.initialState());
            seen.add(order.get(0));
            for (int i = 0; i < order.size() && order.size() < SAMPLE; i++) {
                model.successors(order.get(i), (a, n) -> {
                    if (order.size() < SAMPLE && seen.add(n)) order.add(n);
                });
            }
            count = order.size();
            states = new long[count * words];
            for (int i = 0; i < count; i++) model.encode(order.get(i), states, i * words);
            long[] n = {0};
            for (int i = 0; i < count; i++) model.successors(order.get(i), (a, s) -> n[0]++);
            transitionsPerOp = n[0];
            System.out.printf("%n  [%s] %,d states, %,d transitions per operation%n", spec, count, transitionsPerOp);
        }
    }

    /** Successors per second (JMH reports the counter as a rate). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long transitions;
    }

    /** The sink the engine would give: a buffer, and a fold of each successor so none is dead code. */
    static final class Sink implements SystemModel.EncodedSink {
        final long[] buffer;
        long fold;

        Sink(int words) {
            buffer = new long[words + 16];
        }

        @Override public long[] buffer() { return buffer; }
        @Override public void accept() { fold = fold * 31 + buffer[0]; }
    }

    @Benchmark
    public long packed(Sample s, Counters c) {
        Sink sink = new Sink(s.words);
        for (int i = 0; i < s.count; i++) s.model.encodedSuccessors(s.states, i * s.words, s.canonical, sink);
        c.transitions += s.transitionsPerOp;
        return sink.fold;
    }

    @Benchmark
    public void objects(Sample s, Counters c, Blackhole bh) {
        long[] out = new long[s.words];
        PageModel m = s.model;
        for (int i = 0; i < s.count; i++) {
            PageState state = m.decode(s.states, i * s.words);
            m.successors(state, (PageAction a, PageState n) -> {
                m.encode(s.canonical ? m.canonical(n) : n, out, 0);
                bh.consume(out[0]);
            });
        }
        c.transitions += s.transitionsPerOp;
    }
}
