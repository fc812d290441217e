package pagestate.checker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
 *   <li><b>Liveness</b> ({@link Eventually}): an explicit-state pass over the goal-false states
 *       ({@link ExplicitGraph}, {@link LivenessSearch}). When the system tells its goals on encoded words
 *       ({@link TransitionSystem#encodedGoal}) and the pass stores the safety search's form, the graph is
 *       the one the safety search recorded ({@link EdgeRecording}), the properties' graphs taken by the
 *       workers at once; otherwise, or when the recording cannot give it, the pass explores (on encoded words
 *       when the system gives them, {@link TransitionSystem#encodedReplaySuccessors}). The properties whose
 *       passes store the same form share one graph of the states where any of their goals is false,
 *       built by every worker, each property then searching its own part; the same limits apply, with
 *       the pass's own state count (a property whose part a limit left incomplete is checked again
 *       alone). With symmetry on, it stores
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

    /**
     * Checks the liveness properties {@code members} (of the same first form) over one graph of the
     * states where any of their goals is false. A property whose part of it a limit left incomplete (or
     * a lone property) is checked in a pass of its own, after the shared graph is dropped: with its own
     * state count, so it gets the verdict a pass of its own always gave.
     */
    private static <S, A> void checkShared(TransitionSystem<S, A> system, List<Eventually<S>> liveness, List<Integer> members,
                                           LivenessVerdict<S, A> verdicts, LivenessVerdict.Form form, RunLimits limits,
                                           List<RunLimits> passes, List<PropertyResult<S, A>> results, Workers workers) {
        List<Integer> alone = new ArrayList<>();
        if (members.size() == 1) {
            alone.add(members.get(0));
        } else {
            List<Predicate<S>> goals = members.stream().map(i -> liveness.get(i).goal()).toList();
            ExplicitGraph<S, A> graph = new ExplicitGraph<>();
            try {
                graph.build(system, goals, limits.nextPass(), verdicts.operator(form), workers,
                        verdicts.encoded(form, members.stream().mapToInt(Integer::intValue).toArray()));
            } catch (OutOfMemoryError e) {
                graph = null;   // possibly half-updated: every property is checked alone
            }
            for (int k = 0; k < members.size(); k++) {
                int i = members.get(k);
                ExplicitGraph<S, A> part = null;
                try {
                    part = graph != null ? graph.restrict(k) : null;
                } catch (OutOfMemoryError e) {
                    graph = null;
                }
                if (part != null) {
                    results.set(i, verdicts.check(liveness.get(i), passes.get(i), part));
                } else {
                    alone.add(i);
                }
            }
            graph = null;   // dropped before the passes alone
        }
        for (int i : alone) results.set(i, verdicts.check(liveness.get(i), passes.get(i)));
    }

    /**
     * Whether the safety search records its graph for liveness: liveness to check, at most 64 goals, each
     * told on the encoded words ({@link TransitionSystem#encodedGoal}, asked of the first initial state),
     * and fingerprints (not exact states) stored.
     */
    private static <S, A> boolean recordable(TransitionSystem<S, A> system, CheckerConfig config) {
        int n = system.liveness().size();
        List<S> initial = system.initialStates();
        if (n == 0 || n > 64 || config.exact() || initial.isEmpty()) return false;
        long[] w = new long[system.codec().words()];
        system.codec().encode(initial.get(0), w, 0);
        for (int i = 0; i < n; i++) if (system.encodedGoal(i, w, 0) < 0) return false;
        return true;
    }

    /** A recording may take a quarter of the maximum heap; past that liveness explores as before. */
    private static long recordingBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** The fingerprints of the initial states as the safety search stores them, in order. */
    static <S, A> long[] initialFingerprints(TransitionSystem<S, A> system, CheckerConfig config) {
        List<S> initial = system.initialStates();
        int width = system.codec().words();
        long[] w = new long[width];
        long[] fps = new long[initial.size()];
        for (int pos = 0; pos < fps.length; pos++) {
            S s = initial.get(pos);
            system.codec().encode(config.symmetry() ? system.canonical(s, -1L) : s, w, 0);
            fps[pos] = Fingerprints.of(w, 0, width);
        }
        return fps;
    }

    /** Explores {@code system} under {@code config} and returns a verdict for every property. */
    public static <S, A> CheckResult<S, A> check(TransitionSystem<S, A> system, CheckerConfig config) {
        return check(system, config, 0);
    }

    /** As {@link #check(TransitionSystem, CheckerConfig)} with BFS blocks of about {@code blockCandidates} successors (0: default). */
    static <S, A> CheckResult<S, A> check(TransitionSystem<S, A> system, CheckerConfig config, long blockCandidates) {
        return check(system, config, SearchTuning.blocks(blockCandidates));
    }

    /** As {@link #check(TransitionSystem, CheckerConfig)} with the search's buffers sized by {@code tuning}. */
    static <S, A> CheckResult<S, A> check(TransitionSystem<S, A> system, CheckerConfig config, SearchTuning tuning) {
        // one pool for the search and the liveness passes: a thread started for the passes ran their first
        // rounds at half speed (the 8-CPU bench's graph took 24 to 28 ms on two workers, 16 ms on one)
        try (Workers workers = new Workers(config.threads())) {
            return check(system, config, tuning, workers);
        }
    }

    private static <S, A> CheckResult<S, A> check(TransitionSystem<S, A> system, CheckerConfig config,
                                                  SearchTuning tuning, Workers workers) {
        RunLimits limits = new RunLimits(config);
        Replayer<S, A> replayer = new Replayer<>(system);
        List<PropertyResult<S, A>> results = new ArrayList<>();
        BreadthFirstSearch<S, A> bfs;
        EdgeRecording recording = recordable(system, config) ? new EdgeRecording(config.threads(), recordingBudget()) : null;
        PhaseClock clock = new PhaseClock();
        bfs = new BreadthFirstSearch<>(system, config, limits, workers, tuning, recording, clock);
        bfs.run();
        clock.mark("bfs other");
        if (limits.stopped() || recording != null && recording.failed()) recording = null;
        // the forms narrowed as invariants were violated: the recorded graph mixes them, liveness explores
        if (config.symmetry() && !bfs.formsConstant()) recording = null;
        Replayer<S, A> canonicalReplayer = config.symmetry() ? new Replayer<>(system, bfs.opens()) : replayer;
        SafetyVerdicts<S, A> safety = new SafetyVerdicts<>(system, bfs, canonicalReplayer);
        List<Invariant<S>> invariants = system.invariants();
        for (int p = 0; p < invariants.size(); p++) results.add(safety.invariant(p, invariants.get(p)));
        String stopReason = limits.stopReason();
        List<Eventually<S>> liveness = system.liveness();
        List<PropertyResult<S, A>> passResults = new ArrayList<>(Collections.nCopies(liveness.size(), null));
        List<RunLimits> passes = new ArrayList<>();
        for (int i = 0; i < liveness.size(); i++) passes.add(limits.nextPass());
        // over the recorded graph, the safety search's forms; explored, forms that watch no invariant
        LivenessVerdict<S, A> verdicts = new LivenessVerdict<>(system, replayer, config.symmetry(), workers,
                recording != null ? -1L : 0L);
        // the properties whose first pass stores the same form share one graph (built by every worker),
        // at most 64 a graph
        // the properties whose first pass stores the safety search's form take their graph from its recording
        LivenessVerdict.Form recorded = config.symmetry() ? LivenessVerdict.Form.CANONICAL : LivenessVerdict.Form.AS_IS;
        long[] initial = recording != null ? initialFingerprints(system, config) : null;
        List<Integer> rest = new ArrayList<>();
        List<Integer> fromRecording = new ArrayList<>();
        for (int i = 0; i < liveness.size(); i++) {
            (recording != null && verdicts.firstForm(liveness.get(i)) == recorded ? fromRecording : rest).add(i);
        }
        clock.mark("safety verdicts");
        if (!fromRecording.isEmpty() && !recording.prepare(workers)) {
            rest.addAll(fromRecording);
            fromRecording.clear();
        }
        clock.mark("record index");
        // the graphs of as many properties as there are workers at once, one a worker, each searched for a
        // violation there; then their verdicts (replaying what the searches found)
        for (int from = 0; from < fromRecording.size(); from += workers.count()) {
            List<Integer> batch = fromRecording.subList(from, Math.min(fromRecording.size(), from + workers.count()));
            List<ExplicitGraph<S, A>> graphs = new ArrayList<>(Collections.nCopies(batch.size(), null));
            AtomicInteger next = new AtomicInteger();
            EdgeRecording shared = recording;
            workers.run(w -> {
                for (int k; (k = next.getAndIncrement()) < batch.size(); ) {
                    try {
                        int i = batch.get(k);
                        ExplicitGraph<S, A> graph = shared.graph(initial, i, passes.get(i));
                        if (graph != null) graph.search(liveness.get(i)).find();   // here, for the verdict below
                        graphs.set(k, graph);
                    } catch (OutOfMemoryError e) {
                        graphs.set(k, null);   // explored as before, where memory is a limit
                    }
                }
            });
            clock.mark("record graphs");
            for (int k = 0; k < batch.size(); k++) {
                int i = batch.get(k);
                if (graphs.get(k) == null) rest.add(i);
                else passResults.set(i, verdicts.check(liveness.get(i), passes.get(i), graphs.get(k)));
                graphs.set(k, null);
            }
            clock.mark("liveness verdicts");
        }
        rest.sort(null);
        Map<LivenessVerdict.Form, List<Integer>> forms = new LinkedHashMap<>();
        for (int i : rest) {
            forms.computeIfAbsent(verdicts.firstForm(liveness.get(i)), f -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<LivenessVerdict.Form, List<Integer>> form : forms.entrySet()) {
            List<Integer> all = form.getValue();
            for (int from = 0; from < all.size(); from += 64) {
                List<Integer> members = all.subList(from, Math.min(all.size(), from + 64));
                checkShared(system, liveness, members, verdicts, form.getKey(), limits, passes,
                        passResults, workers);
            }
        }
        for (int i = 0; i < liveness.size(); i++) {
            results.add(passResults.get(i));
            if (stopReason == null) stopReason = passes.get(i).stopReason();
        }
        clock.mark("liveness explored");
        if (config.checkDeadlock()) results.add(safety.deadlock(invariants.size()));
        clock.mark("deadlock verdict");
        clock.print();
        double seconds = limits.seconds();
        long n = bfs.states();
        double collision = config.exact() ? 0 : n * (double) (n - 1) / Math.pow(2, 65);
        Stats stats = new Stats(n, bfs.transitions(), bfs.maxDepth(), seconds,
                n > 0 ? bfs.bytesHeld() / (double) n : 0, collision, config.threads(), bfs.mode());
        return new CheckResult<>(stopReason == null, stopReason, results, stats);
    }
}
