package pagestate.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pagestate.checker.PropertyResult;
import pagestate.checker.Trace;
import pagestate.checker.Verdict;
import pagestate.model.cpu.Converter;
import pagestate.model.ModelAction;
import pagestate.model.cpu.Phase;
import pagestate.model.cpu.Primitive;
import pagestate.model.PropertyName;
import pagestate.model.cpu.Scenario;
import pagestate.model.SystemModel;
import pagestate.model.SystemProperty;
import pagestate.model.TraceStory;
import pagestate.reports.Actual;
import pagestate.reports.Coverage;
import pagestate.reports.Expected;
import pagestate.reports.PropertyReport;
import pagestate.reports.RunStats;
import pagestate.reports.SpecReport;
import pagestate.reports.StateTrace;
import pagestate.reports.TraceStep;
import pagestate.reports.TraceView;
import pagestate.specs.Spec;

/** Turns a {@link SpecRun} into the reports module's neutral data: verdicts, stats and readable traces. */
final class ReportBuilder {

    private ReportBuilder() { }

    static <S, A extends ModelAction> SpecReport build(SpecRun<S, A> run, String reduction) {
        Spec spec = run.spec();
        var stats = run.result().stats();
        RunStats rs = RunStats.of(stats.distinctStates(), stats.transitions(), stats.maxDepth(), stats.seconds(),
                stats.bytesPerState(), reduction);
        boolean fatalReachable = run.result().property(PropertyName.NO_FATAL.specName())
                .map(p -> p.verdict() == Verdict.VIOLATED).orElse(false);
        List<PropertyReport> props = new ArrayList<>();
        ExposureWindows<S, A> windows = null;
        // the exploration is done at most once (it may find the model too large), and not after a limit stopped
        // the check: it would explore past the limit the user set
        boolean windowsTried = !run.result().complete();
        for (String name : spec.properties()) {
            Optional<PropertyResult<S, A>> r = run.result().property(name);
            Expected expected = spec.expectations().stream().filter(e -> e.property().equals(name)).findFirst()
                    .map(e -> e.holds() ? Expected.HOLDS : Expected.VIOLATED).orElse(null);
            Actual actual = r.map(p -> actual(p.verdict())).orElse(Actual.UNKNOWN);
            TraceView trace = null;
            String outcome = null;
            if (r.isPresent() && r.get().verdict() == Verdict.VIOLATED) {
                trace = traceView(run.model(), r.get());
                String window = null;
                Trace<S, A> t = r.get().trace();
                // a window is only told for another actor than the program: for the program's own step the
                // exploration is not needed
                if (r.get().kind() == PropertyResult.Kind.INVARIANT && !t.steps().isEmpty()
                        && !run.model().isProgramActor(t.steps().get(t.steps().size() - 1).action().actor())) {
                    if (!windowsTried) {
                        windows = ExposureWindows.of(run.model(), run.result().stats().distinctStates());
                        windowsTried = true;
                    }
                    if (windows != null) {
                        window = windows.describe(t.steps().get(t.steps().size() - 1).action().actor(),
                                run.model().property(PropertyName.bySpecName(name).orElseThrow()));
                    }
                }
                outcome = r.get().cause() + (window == null ? "" : "; " + window);
            } else if (actual == Actual.HOLDS && fatalReachable && !name.equals(PropertyName.NO_FATAL.specName())) {
                outcome = "holds on every path explored; some paths end in a fatal outcome (see no_fatal), "
                        + "beyond which nothing is checked";
            } else if (actual == Actual.UNKNOWN) {
                outcome = "unknown: " + Optional.ofNullable(run.result().stopReason()).orElse("not explored");
            }
            PropertyReport report = PropertyReport.of(name, expected, actual, trace, outcome);
            props.add(trace == null ? report : report.withStates(states(run.model(), r.get())));
        }
        return new SpecReport(spec.file().toString(), spec.name(), spec.description(),
                spec.config().platformLabel(), spec.system(), stepLines(spec), run.result().complete(), rs, props,
                coverage(run));
    }

    /**
     * The coverage counted while exploring. Trusted (and warned about) only for a complete exploration
     * whose every transition was counted, by actor and by kind: at least as many counted as the engine
     * generated.
     */
    static <S, A extends ModelAction> Coverage coverage(SpecRun<S, A> run) {
        SystemModel<S, A> model = run.model();
        List<Coverage.Count> actors = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < run.actorsFired().length; i++) {
            actors.add(new Coverage.Count(model.actorNames().get(i), run.actorsFired()[i]));
            total += run.actorsFired()[i];
        }
        List<Coverage.Count> steps = new ArrayList<>();
        for (int pc = 0; pc < run.stepsFired().length; pc++) {
            steps.add(new Coverage.Count(model.programStep(pc), run.stepsFired()[pc]));
        }
        List<Coverage.Action> actions = new ArrayList<>();
        long kinds = 0;
        for (int i = 0; i < run.kindsFired().size(); i++) {
            String actor = model.actorNames().get(i);
            for (var e : run.kindsFired().get(i).entrySet()) {
                actions.add(new Coverage.Action(actor, e.getKey(), e.getValue()));
                kinds += e.getValue();
            }
        }
        // every transition generated is counted, by actor and by kind (ModelSystem), whichever path expanded it
        long transitions = run.result().stats().transitions();
        boolean measured = run.result().complete() && total >= transitions && kinds >= transitions;
        return new Coverage(actors, steps, actions, measured);
    }

    static Actual actual(Verdict v) {
        return switch (v) {
            case HOLDS -> Actual.HOLDS;
            case VIOLATED -> Actual.VIOLATED;
            case UNKNOWN -> Actual.UNKNOWN;
        };
    }

    /** The converters' step lists, one line per phase; for the other systems, their config's own lines. */
    static List<String> stepLines(Spec spec) {
        List<String> lines = new ArrayList<>();
        if (!(spec.config() instanceof Scenario scenario)) return spec.config().summary();
        for (Converter c : scenario.converters()) {
            for (Phase ph : c.phases()) {
                lines.add(c.name() + " (CPU" + c.cpu() + ", page" + (c.pages().size() > 1 ? "s " : " ")
                        + String.join(",", c.pages().stream().map(String::valueOf).toList()) + ") to "
                        + ph.target().specName() + ": " + String.join(", ", stepWords(ph)));
            }
        }
        return lines;
    }

    /** The steps of a phase as a spec writes them: {@code flush_cache via lazy} when a step names its mapping. */
    private static List<String> stepWords(Phase ph) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < ph.steps().size(); i++) {
            words.add(ph.steps().get(i).specName() + (ph.via().containsKey(i) ? " via " + ph.via(i).label() : ""));
        }
        return words;
    }

    /**
     * The trace for machines: the initial state, then per step the actor, the action and the whole state
     * after it (the model's own text of it, one part per line); a lasso's loop is the state its cycle
     * returns to, the one before its first repeating step. Each step carries its outcome and the notes
     * {@code explain} shows under it (from the model's story of the trace, when it tells one).
     */
    static <S, A extends ModelAction> StateTrace states(SystemModel<S, A> model, PropertyResult<S, A> r) {
        Trace<S, A> t = r.trace();
        TraceStory story = model.story(t.initial(), t.steps().stream().map(Trace.Step::action).toList(),
                t.steps().stream().map(Trace.Step::state).toList(), PropertyName.bySpecName(r.name()).orElseThrow(),
                t.isLasso());
        List<List<String>> notes = new ArrayList<>();
        for (int i = 0; i < t.steps().size(); i++) notes.add(new ArrayList<>());
        if (story != null) {
            for (TraceStory.Step s : story.steps()) {
                List<String> of = notes.get(s.source());
                if (s.split()) {
                    // a hardware move the story tells apart, before the step it was taken from
                    of.add(s.actor() + ": " + s.action());
                    for (String note : s.notes()) of.add(s.actor() + ": " + note);
                } else {
                    of.addAll(s.notes());
                }
            }
        }
        for (int i = 0; i < t.steps().size(); i++) {
            String outcome = t.steps().get(i).action().outcomeText();
            if (outcome != null) notes.get(i).add("outcome: " + outcome);   // the last line explain shows
        }
        List<StateTrace.State> states = new ArrayList<>();
        states.add(new StateTrace.State(null, null, StateTrace.parts(model.describe(t.initial()))));
        for (int i = 0; i < t.steps().size(); i++) {
            Trace.Step<S, A> step = t.steps().get(i);
            states.add(new StateTrace.State(step.action().actorName(), step.action().description(),
                    StateTrace.parts(model.describe(step.state())), step.action().outcomeText(), notes.get(i)));
        }
        return new StateTrace(states, t.isLasso() ? t.loopStart() : -1);
    }

    /** A readable trace: one step per action, with only what changed, and the window of exposure. */
    static <S, A extends ModelAction> TraceView traceView(SystemModel<S, A> model, PropertyResult<S, A> r) {
        Trace<S, A> t = r.trace();
        Set<String> lanes = new LinkedHashSet<>(model.lanes());
        List<TraceStep> steps = new ArrayList<>();
        S before = t.initial();
        for (int i = 0; i < t.steps().size(); i++) {
            Trace.Step<S, A> s = t.steps().get(i);
            A a = s.action();
            lanes.add(a.lane());
            boolean violating = !t.isLasso() && i == t.steps().size() - 1;
            steps.add(new TraceStep(i + 1, a.lane(), a.actorName(), a.description(),
                    model.changes(before, s.state()), violating, a.outcomeText()));
            before = s.state();
        }
        int[] window = r.kind() == PropertyResult.Kind.INVARIANT ? window(model, r) : new int[] {-1, -1};
        TraceStory story = model.story(t.initial(), t.steps().stream().map(Trace.Step::action).toList(),
                t.steps().stream().map(Trace.Step::state).toList(), PropertyName.bySpecName(r.name()).orElseThrow(),
                t.isLasso());
        if (story != null) return told(model, t, r, story, window);
        return new TraceView(List.copyOf(lanes), steps, t.loopStart(), r.name(), r.cause(), window[0], window[1]);
    }

    /**
     * The trace as the model tells it ({@link TraceStory}): step 0 first (in the first lane), then its steps,
     * hardware moves split off the actors' steps; the window and a lasso's start move with the steps they mark
     * (onto a split-off move shown just before them).
     */
    private static <S, A extends ModelAction> TraceView told(SystemModel<S, A> model, Trace<S, A> t,
                                                            PropertyResult<S, A> r, TraceStory story, int[] window) {
        Set<String> lanes = new LinkedHashSet<>(model.lanes());
        for (TraceStory.Step s : story.steps()) lanes.add(s.lane());
        String first = lanes.iterator().next();
        List<TraceStep> steps = new ArrayList<>();
        steps.add(new TraceStep(0, first, "initial state", "what the counterexample involves", story.initial(),
                false, null));
        int[] firstOf = new int[t.steps().size()];
        int[] ownOf = new int[t.steps().size()];
        java.util.Arrays.fill(firstOf, -1);
        for (TraceStory.Step s : story.steps()) {
            int index = steps.size();
            if (firstOf[s.source()] < 0) firstOf[s.source()] = index;
            boolean violating = !s.split() && !t.isLasso() && s.source() == t.steps().size() - 1;
            if (!s.split()) ownOf[s.source()] = index;
            steps.add(new TraceStep(index, s.lane(), s.actor(), s.action(), s.changes(), violating, s.outcome(),
                    s.notes()));
        }
        int loopStart = t.isLasso() ? firstOf[t.loopStart()] : -1;
        int from = window[0] < 0 ? -1 : firstOf[window[0]];
        int to = window[1] < 0 ? -1 : ownOf[window[1]];
        return new TraceView(List.copyOf(lanes), steps, loopStart, r.name(), r.cause(), from, to);
    }

    /**
     * The window of exposure in the trace: the violating step, and before it every step after which the
     * violating actor (a reader, the host, the hardware) could already reach a violating state with one
     * action of its own; it starts at the converter step that opened the window.
     */
    static <S, A extends ModelAction> int[] window(SystemModel<S, A> model, PropertyResult<S, A> r) {
        Trace<S, A> t = r.trace();
        int k = t.steps().size() - 1;
        if (k < 0) return new int[] {-1, -1};
        int actor = t.steps().get(k).action().actor();
        if (model.isProgramActor(actor)) return new int[] {-1, -1};
        SystemProperty<S> property = model.property(PropertyName.bySpecName(r.name()).orElseThrow());
        int from = k;
        for (int j = k - 1; j >= 0; j--) {
            if (!reaches(model, t.steps().get(j).state(), actor, property)) break;
            from = j;
        }
        return new int[] {from, k};
    }

    /** Whether one action of {@code actor} from {@code s} breaks {@code property}. */
    private static <S, A extends ModelAction> boolean reaches(SystemModel<S, A> model, S s, int actor,
                                                             SystemProperty<S> property) {
        boolean[] found = {false};
        model.successors(s, (a, n) -> {
            if (a.actor() == actor && !property.holds().test(n)) found[0] = true;
        });
        return found[0];
    }
}
