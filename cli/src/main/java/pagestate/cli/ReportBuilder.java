package pagestate.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pagestate.checker.PropertyResult;
import pagestate.checker.Trace;
import pagestate.checker.Verdict;
import pagestate.model.Cause;
import pagestate.model.Converter;
import pagestate.model.ModelProperty;
import pagestate.model.PageAction;
import pagestate.model.PageModel;
import pagestate.model.PageState;
import pagestate.model.Phase;
import pagestate.model.Primitive;
import pagestate.model.PropertyName;
import pagestate.model.StateText;
import pagestate.reports.Actual;
import pagestate.reports.Expected;
import pagestate.reports.PropertyReport;
import pagestate.reports.RunStats;
import pagestate.reports.SpecReport;
import pagestate.reports.TraceStep;
import pagestate.reports.TraceView;
import pagestate.specs.Spec;

/** Turns a {@link SpecRun} into the reports module's neutral data: verdicts, stats and readable traces. */
final class ReportBuilder {

    private ReportBuilder() { }

    static SpecReport build(SpecRun run, String reduction) {
        Spec spec = run.spec();
        var stats = run.result().stats();
        RunStats rs = RunStats.of(stats.distinctStates(), stats.transitions(), stats.maxDepth(), stats.seconds(),
                stats.bytesPerState(), reduction);
        boolean fatalReachable = run.result().property(PropertyName.NO_FATAL.specName())
                .map(p -> p.verdict() == Verdict.VIOLATED).orElse(false);
        List<PropertyReport> props = new ArrayList<>();
        ExposureWindows windows = null;
        for (String name : spec.properties()) {
            Optional<PropertyResult<PageState, PageAction>> r = run.result().property(name);
            Expected expected = spec.expectations().stream().filter(e -> e.property().equals(name)).findFirst()
                    .map(e -> e.holds() ? Expected.HOLDS : Expected.VIOLATED).orElse(null);
            Actual actual = r.map(p -> actual(p.verdict())).orElse(Actual.UNKNOWN);
            TraceView trace = null;
            String outcome = null;
            if (r.isPresent() && r.get().verdict() == Verdict.VIOLATED) {
                trace = traceView(run.model(), r.get());
                String window = null;
                Trace<PageState, PageAction> t = r.get().trace();
                if (r.get().kind() == PropertyResult.Kind.INVARIANT && !t.steps().isEmpty()) {
                    if (windows == null) windows = ExposureWindows.of(run.model());
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
            props.add(PropertyReport.of(name, expected, actual, trace, outcome));
        }
        return new SpecReport(spec.file().toString(), spec.name(), spec.description(),
                spec.scenario().platform().specName(), spec.system(), stepLines(spec), run.result().complete(), rs, props);
    }

    static Actual actual(Verdict v) {
        return switch (v) {
            case HOLDS -> Actual.HOLDS;
            case VIOLATED -> Actual.VIOLATED;
            case UNKNOWN -> Actual.UNKNOWN;
        };
    }

    /** The converters' step lists, one line per phase. */
    static List<String> stepLines(Spec spec) {
        List<String> lines = new ArrayList<>();
        for (Converter c : spec.scenario().converters()) {
            for (Phase ph : c.phases()) {
                lines.add(c.name() + " (CPU" + c.cpu() + ", page" + (c.pages().size() > 1 ? "s " : " ")
                        + String.join(",", c.pages().stream().map(String::valueOf).toList()) + ") to "
                        + ph.target().specName() + ": " + String.join(", ", ph.steps().stream().map(Primitive::specName).toList()));
            }
        }
        return lines;
    }

    /** A readable trace: one step per action, with only what changed, and the window of exposure. */
    static TraceView traceView(PageModel model, PropertyResult<PageState, PageAction> r) {
        Trace<PageState, PageAction> t = r.trace();
        Set<String> lanes = new LinkedHashSet<>();
        for (int cpu = 0; cpu < model.layout().cpus(); cpu++) lanes.add("CPU" + cpu);
        List<TraceStep> steps = new ArrayList<>();
        PageState before = t.initial();
        for (int i = 0; i < t.steps().size(); i++) {
            Trace.Step<PageState, PageAction> s = t.steps().get(i);
            PageAction a = s.action();
            lanes.add(a.lane());
            boolean violating = !t.isLasso() && i == t.steps().size() - 1;
            String outcome = a.outcome() == Cause.OK ? null : a.outcome().label() + ": " + a.outcome().description();
            steps.add(new TraceStep(i + 1, a.lane(), a.actorName(), a.description(),
                    StateText.changes(model, before, s.state()), violating, outcome));
            before = s.state();
        }
        int[] window = r.kind() == PropertyResult.Kind.INVARIANT ? window(model, r) : new int[] {-1, -1};
        return new TraceView(List.copyOf(lanes), steps, t.loopStart(), r.name(), r.cause(), window[0], window[1]);
    }

    /**
     * The window of exposure in the trace: the violating step, and before it every step after which the
     * violating actor (a reader, the host, the hardware) could already reach a violating state with one
     * action of its own; it starts at the converter step that opened the window.
     */
    static int[] window(PageModel model, PropertyResult<PageState, PageAction> r) {
        Trace<PageState, PageAction> t = r.trace();
        int k = t.steps().size() - 1;
        if (k < 0) return new int[] {-1, -1};
        int actor = t.steps().get(k).action().actor();
        if (actor < model.scenario().converters().size()) return new int[] {-1, -1};
        ModelProperty property = model.property(PropertyName.bySpecName(r.name()).orElseThrow());
        int from = k;
        for (int j = k - 1; j >= 0; j--) {
            if (!reaches(model, t.steps().get(j).state(), actor, property)) break;
            from = j;
        }
        return new int[] {from, k};
    }

    /** Whether one action of {@code actor} from {@code s} breaks {@code property}. */
    private static boolean reaches(PageModel model, PageState s, int actor, ModelProperty property) {
        boolean[] found = {false};
        model.successors(s, (a, n) -> {
            if (a.actor() == actor && !property.holds().test(n)) found[0] = true;
        });
        return found[0];
    }
}
