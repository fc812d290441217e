package pagestate.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import pagestate.checker.CheckerConfig;
import pagestate.model.cpu.Primitive;
import pagestate.model.cpu.Scenario;
import pagestate.reports.SpecReport;
import pagestate.specs.Spec;

/**
 * The search of {@code repair}: every candidate one edit away from the spec ({@link StepEdit}: drop,
 * swap, merge, move, insert), each explored ({@link Screening}); only when none meets the goal, every
 * candidate two edits away. Step lists already tried are not tried again. Each candidate that meets the
 * goal is explored again in full by the normal checker (as {@code check} does) and kept only if that
 * exploration meets the goal too. Candidates are explored {@code threads} at a time, one thread each.
 */
final class RepairSearch {

    /** A verified fix: the candidate and the full exploration's report. */
    record Fix(RepairCandidate candidate, SpecReport report) { }

    /**
     * What the search found. {@code searched}: the deepest edit depth explored to the end (0 when a limit
     * stopped depth 1); {@code tried}: the candidates per depth; {@code complete}: no limit stopped it.
     */
    record Outcome(SpecReport original, List<Fix> fixes, int searched, List<Integer> tried, boolean complete,
                   String stopReason, double seconds, int vacuous) { }

    /** Receives progress: the depth, candidates explored so far, candidates at this depth, fixes so far. */
    interface Listener {
        void progress(int depth, int done, int total, int fixes);
    }

    private final Spec spec;
    private final RepairGoal goal;
    private final CheckerConfig config;
    private final int maxDepth;
    private final Function<SpecRun<?, ?>, SpecReport> reporter;
    private final Listener listener;
    private final long start = System.nanoTime();
    private final AtomicInteger vacuous = new AtomicInteger();
    private boolean mustComplete;

    /** {@code config}'s threads run candidates side by side; its max-seconds bounds the whole search. */
    RepairSearch(Spec spec, RepairGoal goal, CheckerConfig config, int maxDepth, Function<SpecRun<?, ?>, SpecReport> reporter,
                 Listener listener) {
        this.spec = spec;
        this.goal = goal;
        this.config = config;
        this.maxDepth = maxDepth;
        this.reporter = reporter;
        this.listener = listener;
    }

    Outcome run() throws InterruptedException {
        SpecReport original = reporter.apply(SpecRun.run(spec, config.withMaxSeconds(config.maxSeconds())));
        if (!original.complete()) return done(original, List.of(), 0, List.of(), false);
        if (goal.met(original)) return done(original, List.of(), 0, List.of(), true);
        // a fix must leave some interleaving that completes the conversion, if the original has one
        ConversionWitness.Answer completes = ConversionWitness.exists(spec, config);
        if (completes == ConversionWitness.Answer.UNKNOWN) return done(original, List.of(), 0, List.of(), false);
        mustComplete = completes == ConversionWitness.Answer.YES;
        Scenario sc = spec.scenario();
        Set<Primitive> vocabulary = StepEdit.vocabulary(sc.platform());
        RepairCandidate root = RepairCandidate.original(sc);
        Set<List<List<Primitive>>> seen = new HashSet<>();
        seen.add(root.lists());
        List<RepairCandidate> level = List.of(root);
        List<Integer> tried = new ArrayList<>();
        List<Fix> fixes = new ArrayList<>();
        int searched = 0;
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "pagestate-repair");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int depth = 1; depth <= maxDepth && fixes.isEmpty(); depth++) {
                List<RepairCandidate> next = new ArrayList<>();
                for (RepairCandidate c : level) {
                    for (RepairCandidate n : c.next(sc, vocabulary)) if (seen.add(n.lists())) next.add(n);
                }
                tried.add(next.size());
                boolean complete = explore(pool, depth, next, fixes);
                if (!complete) return done(original, fixes, searched, tried, false);
                searched = depth;
                level = next;
            }
        } finally {
            pool.shutdownNow();
        }
        return done(original, fixes, searched, tried, true);
    }

    private Outcome done(SpecReport original, List<Fix> fixes, int searched, List<Integer> tried, boolean complete) {
        List<Fix> ranked = new ArrayList<>(fixes);
        ranked.sort(Comparator.comparingInt((Fix f) -> f.candidate().edits().size()).thenComparingInt(f -> f.candidate().added()));
        String reason = complete ? null : config.maxSeconds() > 0 && seconds() >= config.maxSeconds()
                ? "max-seconds " + Limits.format(config.maxSeconds()) : "max-states " + config.maxStates();
        return new Outcome(original, List.copyOf(ranked), searched, List.copyOf(tried), complete, reason, seconds(),
                vacuous.get());
    }

    /** Explores the candidates of one depth; adds the verified fixes in candidate order; false if a limit stopped one. */
    private boolean explore(ExecutorService pool, int depth, List<RepairCandidate> candidates, List<Fix> fixes)
            throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger found = new AtomicInteger();
        listener.progress(depth, 0, candidates.size(), 0);
        List<Future<Object>> futures = new ArrayList<>();
        for (RepairCandidate c : candidates) {
            futures.add(pool.submit(() -> {
                Object r = check(c);
                if (r instanceof Fix) found.incrementAndGet();
                listener.progress(depth, done.incrementAndGet(), candidates.size(), found.get());
                return r;
            }));
        }
        boolean complete = true;
        try {
            for (Future<Object> f : futures) {
                Object r = f.get();
                if (r instanceof Fix fix) fixes.add(fix);
                else if (r == Screening.Status.UNKNOWN) complete = false;
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("exploring a repair candidate failed: " + e.getCause(), e.getCause());
        }
        return complete;
    }

    /** A verified Fix, or the screening's status (UNMET, or UNKNOWN when a limit stopped it). */
    private Object check(RepairCandidate c) {
        double left = remaining();
        if (left < 0) return Screening.Status.UNKNOWN;
        Spec variant = c.apply(spec);
        CheckerConfig one = config.withThreads(1).withMaxSeconds(left);
        Screening.Result screened = Screening.screen(variant, goal, one);
        if (screened.status() != Screening.Status.MET) return screened.status();
        // the conversion first: most candidates that meet the goal without converting are cheaper told apart so
        if (mustComplete) {
            left = remaining();
            if (left < 0) return Screening.Status.UNKNOWN;
            ConversionWitness.Answer converts = ConversionWitness.exists(variant, one.withMaxSeconds(left));
            if (converts == ConversionWitness.Answer.UNKNOWN) return Screening.Status.UNKNOWN;
            if (converts == ConversionWitness.Answer.NO) {
                vacuous.incrementAndGet();
                return Screening.Status.UNMET;
            }
        }
        left = remaining();
        if (left < 0) return Screening.Status.UNKNOWN;
        SpecReport full = reporter.apply(SpecRun.run(variant, one.withMaxSeconds(left)));
        if (goal.met(full)) return new Fix(c, full);
        if (!full.complete()) return Screening.Status.UNKNOWN;
        throw new IllegalStateException("the full exploration of " + c.words() + " misses the goal (" + goal.unmet(full)
                + ") where the screening met it");
    }

    /** Seconds left before max-seconds (0 = no limit: a large number); negative once it has passed. */
    private double remaining() {
        if (config.maxSeconds() == 0) return 0;
        double left = config.maxSeconds() - seconds();
        return left <= 0 ? -1 : left;
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
