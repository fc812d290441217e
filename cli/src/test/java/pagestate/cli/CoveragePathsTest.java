package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pagestate.checker.CheckResult;
import pagestate.checker.Checker;
import pagestate.checker.CheckerConfig;
import pagestate.checker.Eventually;
import pagestate.checker.Independence;
import pagestate.checker.Invariant;
import pagestate.checker.StateCodec;
import pagestate.checker.TransitionSystem;
import pagestate.model.ModelAction;
import pagestate.model.SystemModel;
import pagestate.specs.Spec;
import pagestate.specs.SpecLoader;
import pagestate.specs.SpecResult;

/**
 * Coverage counted on the packed successors (kinds of action by index, {@link SystemModel#encodedKinds})
 * equals coverage counted on the object successors (kinds by name): on every catalogue spec of the page
 * model (TDX, SEV-SNP and vTOM, the systems with packed successors), reduced and unreduced, the counts per
 * actor, per step of the first converter and per actor and kind agree, as do the state and transition
 * counts; and the packed path is the one taken.
 */
class CoveragePathsTest {

    static Stream<Path> pageModelSpecs() throws IOException {
        Path root = Path.of("..", "specs", "catalog", "cpu");
        assertTrue(Files.isDirectory(root), "run from the cli module: " + root.toAbsolutePath());
        List<Path> files = SpecLoader.discover(root);
        assertTrue(files.size() >= 20, "the catalogue has its page-model specs: " + files.size());
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("pageModelSpecs")
    void packedAndObjectSuccessorsCountTheSameCoverage(Path file) {
        SpecResult loaded = SpecLoader.load(file);
        assertTrue(loaded instanceof SpecResult.Loaded, file + " loads");
        Spec spec = ((SpecResult.Loaded) loaded).spec();
        for (CheckerConfig config : List.of(CheckerConfig.defaults().withThreads(1),
                CheckerConfig.defaults().withThreads(1).withSymmetry(false).withPor(false))) {
            compare(file.getFileName().toString(), spec, spec.config().newModel(), config);
        }
    }

    private static <S, A extends ModelAction> void compare(String name, Spec spec, SystemModel<S, A> model,
                                                          CheckerConfig config) {
        assertTrue(!model.encodedKinds().isEmpty(), name + ": the page model's packed successors report kinds");
        Set<String> checked = new LinkedHashSet<>(spec.properties());
        ModelSystem<S, A> packed = new ModelSystem<>(model, checked);
        CountingPacked<S, A> watched = new CountingPacked<>(packed);
        CheckResult<S, A> a = Checker.check(watched, config);
        ModelSystem<S, A> objects = new ModelSystem<>(model, checked);
        CheckResult<S, A> b = Checker.check(new ObjectSuccessors<>(objects), config);
        assertTrue(watched.packedExpansions > 0, name + ": the packed path expanded states");
        assertEquals(b.stats().distinctStates(), a.stats().distinctStates(), name + " states");
        assertEquals(b.stats().transitions(), a.stats().transitions(), name + " transitions");
        assertArrayEquals(objects.actorsFired(), packed.actorsFired(), name + " per actor");
        assertArrayEquals(objects.stepsFired(), packed.stepsFired(), name + " per step");
        assertEquals(objects.kindsFired(), packed.kindsFired(), name + " per actor and kind");
        long total = 0;
        for (long n : packed.actorsFired()) total += n;
        assertTrue(total >= a.stats().transitions(), name + ": every transition counted");
    }

    /** The system as it is, counting how often the engine expanded a state through the packed successors. */
    private static final class CountingPacked<S, A> extends Delegating<S, A> {
        long packedExpansions;

        CountingPacked(TransitionSystem<S, A> inner) {
            super(inner);
        }

        @Override
        public boolean encodedSuccessors(long[] state, int offset, boolean canonical, EncodedSink sink) {
            boolean done = inner.encodedSuccessors(state, offset, canonical, sink);
            if (done) packedExpansions++;
            return done;
        }

        @Override public boolean encodedUnits() { return inner.encodedUnits(); }
        @Override public boolean encodedActors() { return inner.encodedActors(); }
    }

    /** The system without its packed successors: the engine expands every state through the objects. */
    private static final class ObjectSuccessors<S, A> extends Delegating<S, A> {
        ObjectSuccessors(TransitionSystem<S, A> inner) {
            super(inner);
        }
    }

    /** Everything but the encoded successors (the interface's defaults: none) from {@code inner}. */
    private abstract static class Delegating<S, A> implements TransitionSystem<S, A> {
        final TransitionSystem<S, A> inner;

        Delegating(TransitionSystem<S, A> inner) {
            this.inner = inner;
        }

        @Override public List<S> initialStates() { return inner.initialStates(); }
        @Override public void successors(S state, SuccessorSink<S, A> sink) { inner.successors(state, sink); }
        @Override public int actorOf(A action) { return inner.actorOf(action); }
        @Override public List<String> actorNames() { return inner.actorNames(); }
        @Override public List<Invariant<S>> invariants() { return inner.invariants(); }
        @Override public List<Eventually<S>> liveness() { return inner.liveness(); }
        @Override public boolean isTerminal(S state) { return inner.isTerminal(state); }
        @Override public StateCodec<S> codec() { return inner.codec(); }
        @Override public S canonical(S state) { return inner.canonical(state); }
        @Override public S merged(S state) { return inner.merged(state); }
        @Override public void settle(S state, SuccessorSink<S, A> sink) { inner.settle(state, sink); }
        @Override public boolean exchangedEnablednessIsLocal() { return inner.exchangedEnablednessIsLocal(); }
        @Override public Set<Integer> exchangedActors() { return inner.exchangedActors(); }
        @Override public Independence<S, A> independence() { return inner.independence(); }
        @Override public int encodedHolds(int invariant, long[] state, int offset) {
            return inner.encodedHolds(invariant, state, offset);
        }
        @Override public int encodedGoal(int property, long[] state, int offset) {
            return inner.encodedGoal(property, state, offset);
        }
    }
}
