package pagestate.checker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The model-checking engine. Entry point: {@link #check(TransitionSystem, CheckerConfig)}.
 *
 * <pre>{@code
 * CheckResult<S, A> r = Checker.check(system, CheckerConfig.defaults().withThreads(2).withMaxSeconds(60));
 * }</pre>
 *
 * <ul>
 *   <li><b>Safety</b> (invariants, deadlock): breadth-first search storing 64-bit fingerprints (or full
 *       encoded states with {@link CheckerConfig#exact()}), see {@link BreadthFirstSearch}. The run does
 *       not stop at the first violation: every invariant gets its own verdict and shortest trace, the
 *       first in sequential BFS order among the shortest, identical at every thread count.</li>
 *   <li><b>Liveness</b> ({@link Eventually}): a separate, sequential, explicit-state pass per
 *       property (with several workers, the passes run side by side) over the goal-false states ({@link ExplicitGraph}, {@link LivenessSearch}), meant for
 *       small models; the same limits apply (with its own state count). With symmetry on, it stores
 *       canonical or merged forms ({@link LivenessVerdict}); partial-order reduction never applies to it.</li>
 *   <li>Every reported trace is replayed from the initial state and verified before it is returned.</li>
 *   <li>Reductions ({@link CheckerConfig#symmetry()}, {@link CheckerConfig#por()}) apply to the safety
 *       search (and symmetry to liveness, see above), when the system declares them ({@link TransitionSystem#canonical},
 *       {@link TransitionSystem#independence}); verdicts do not change, counterexamples are real traces
 *       of the unreduced system but need not be the shortest; state counts are of the reduced graph.</li>
 *   <li>Limits: when one stops the run, properties not yet violated are {@link Verdict#UNKNOWN},
 *       {@link CheckResult#complete()} is false and {@link CheckResult#stopReason()} names the limit.</li>
 *   <li>Collision probability: {@code n(n-1)/2^65} for n distinct fingerprints (the birthday bound:
 *       the probability that two of the n states visited share a fingerprint, which is what could
 *       hide a state); 0 in exact mode.</li>
 * </ul>
 *
 * <p>The engine holds no static state; one JVM may run any number of checks at once.
 */
public final class Checker {

    private Checker() { }

    /** Explores {@code system} under {@code config} and returns a verdict for every property. */
    public static <S, A> CheckResult<S, A> check(TransitionSystem<S, A> system, CheckerConfig config) {
        return check(system, config, 0);
    }

    /** As {@link #check(TransitionSystem, CheckerConfig)} with BFS blocks of about {@code blockCandidates} successors (0: default). */
    static <S, A> CheckResult<S, A> check(TransitionSystem<S, A> system, CheckerConfig config, long blockCandidates) {
        RunLimits limits = new RunLimits(config);
        Replayer<S, A> replayer = new Replayer<>(system);
        Replayer<S, A> canonicalReplayer = new Replayer<>(system, config.symmetry());
        List<PropertyResult<S, A>> results = new ArrayList<>();
        BreadthFirstSearch<S, A> bfs;
        try (Workers workers = new Workers(config.threads())) {
            bfs = new BreadthFirstSearch<>(system, config, limits, workers, blockCandidates);
            bfs.run();
        }
        SafetyVerdicts<S, A> safety = new SafetyVerdicts<>(system, bfs, canonicalReplayer);
        List<Invariant<S>> invariants = system.invariants();
        for (int p = 0; p < invariants.size(); p++) results.add(safety.invariant(p, invariants.get(p)));
        String stopReason = limits.stopReason();
        List<Eventually<S>> liveness = system.liveness();
        List<PropertyResult<S, A>> passResults = new ArrayList<>(Collections.nCopies(liveness.size(), null));
        List<RunLimits> passes = new ArrayList<>();
        for (int i = 0; i < liveness.size(); i++) passes.add(limits.nextPass());
        // the liveness passes are independent (each its own graph and limits): with several workers they
        // run side by side, one per worker; each is sequential and deterministic, so the results are the same
        AtomicInteger nextPass = new AtomicInteger();
        try (Workers workers = new Workers(Math.max(1, Math.min(config.threads(), liveness.size())))) {
            workers.run(w -> {
                for (int i; (i = nextPass.getAndIncrement()) < liveness.size(); ) {
                    passResults.set(i, new LivenessVerdict<>(system, replayer, config.symmetry()).check(liveness.get(i), passes.get(i)));
                }
            });
        }
        for (int i = 0; i < liveness.size(); i++) {
            results.add(passResults.get(i));
            if (stopReason == null) stopReason = passes.get(i).stopReason();
        }
        if (config.checkDeadlock()) results.add(safety.deadlock(invariants.size()));
        double seconds = limits.seconds();
        long n = bfs.states();
        double collision = config.exact() ? 0 : n * (double) (n - 1) / Math.pow(2, 65);
        Stats stats = new Stats(n, bfs.transitions(), bfs.maxDepth(), seconds,
                n > 0 ? bfs.bytesAllocated() / (double) n : 0, collision, config.threads(), bfs.mode());
        return new CheckResult<>(stopReason == null, stopReason, results, stats);
    }
}
