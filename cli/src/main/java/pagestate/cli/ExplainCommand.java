package pagestate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import pagestate.checker.CheckerConfig;
import pagestate.model.PropertyName;
import pagestate.reports.Actual;
import pagestate.reports.PropertyReport;
import pagestate.reports.SpecReport;
import pagestate.reports.Diagrams;
import pagestate.reports.StateGraph;
import pagestate.reports.StateGraphDot;
import pagestate.reports.TextTrace;
import pagestate.specs.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

/** {@code pagestate explain SPEC [--property NAME]}: the shortest counterexample as text. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Print the shortest counterexample of a property as text.",
                "At most 100 columns, to paste into an email. Without --property: the first violated property"
                        + " of the spec."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a counterexample was printed", "1:the property holds: nothing to explain",
                "2:bad usage or an invalid spec", "3:a limit stopped the exploration before the verdict was known"})
final class ExplainCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec(Target.SELF)
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "A spec file.")
    Path file;

    @Option(names = "--property", paramLabel = "NAME", description = "The property to explain.")
    String property;

    @Option(names = "--graph", paramLabel = "FILE", description = {"Also draw every reachable state and transition with"
            + " the counterexample highlighted, to FILE (.svg or .dot); only for small models (up to "
            + StateGraphDot.DEFAULT_CAP + " states)."})
    Path graph;

    @Mixin
    Limits limits;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        CheckerConfig config = limits.configOrReport("explain", err);
        if (config == null) return ExitCodes.USAGE;
        if (!Outputs.file("--graph", graph, err)) return ExitCodes.USAGE;
        Spec spec = SpecFiles.loadOne(file, "explain", err);
        if (spec == null) return ExitCodes.USAGE;
        if (property != null && PropertyName.bySpecName(property).isEmpty()) {
            err.println(file + ": unknown property " + property + pagestate.specs.Suggest.hint(property,
                    java.util.Arrays.stream(PropertyName.values()).map(PropertyName::specName).toList()));
            return ExitCodes.USAGE;
        }
        if (property != null && !spec.properties().contains(property)) {
            err.println(file + ": property " + property + " is not checked by this spec (add it to its check line)");
            return ExitCodes.USAGE;
        }
        SpecReport report;
        SpecRun<?, ?> run;
        try (ProgressDisplay progress = new ProgressDisplay(ProgressDisplay.onTerminal(), spec.name())) {
            run = SpecRun.run(spec, config.withProgress(progress));
            report = ReportBuilder.build(run, limits.reduction(run.model().reductions() != null));
        }
        Optional<PropertyReport> chosen = report.properties().stream()
                .filter(p -> property == null ? p.actual() == Actual.VIOLATED : p.name().equals(property)).findFirst();
        if (chosen.isEmpty()) {
            out.println(spec.name() + ": every checked property holds; nothing to explain");
            out.flush();
            return report.complete() ? ExitCodes.FAILED : ExitCodes.INCOMPLETE;
        }
        PropertyReport p = chosen.get();
        switch (p.actual()) {
            case VIOLATED -> {
                out.print(TextTrace.line(spec.name() + " (" + spec.config().platformLabel() + "): " + spec.description()));
                out.print(TextTrace.render(p));
                out.flush();
                return graph == null ? ExitCodes.OK : drawGraph(run, p.name(), err);
            }
            case HOLDS -> {
                out.println(spec.name() + ": " + p.name() + " holds"
                        + (p.outcome() != null ? " (" + p.outcome() + ")" : "") + "; nothing to explain");
                out.flush();
                return ExitCodes.FAILED;
            }
            default -> {
                out.println(spec.name() + ": " + p.name() + " unknown: " + p.outcome());
                out.flush();
                return ExitCodes.INCOMPLETE;
            }
        }
    }

    private <S, A extends pagestate.model.ModelAction> int drawGraph(SpecRun<S, A> run, String name, PrintWriter err) {
        var trace = run.result().property(name).map(r -> r.trace()).orElse(null);
        StateGraph g = StateGraphs.build(run.model(), trace, StateGraphDot.DEFAULT_CAP, limits.symmetry());
        if (g == null) {
            err.println("pagestate explain: the state graph has more than " + StateGraphDot.DEFAULT_CAP
                    + " states, too many to draw; use a smaller spec (fewer cpus, pages, mappings or hardware actions)");
            return ExitCodes.USAGE;
        }
        try {
            String dot = StateGraphDot.toDot(g);
            String text = graph.toString().endsWith(".dot") ? dot : Diagrams.start().svg(dot);
            Outputs.writeAtomically(graph, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            err.println("pagestate: state graph (" + g.stateLabels().size() + " states) written to " + graph);
            return ExitCodes.OK;
        } catch (java.io.IOException | RuntimeException e) {
            err.println("pagestate explain: --graph " + graph + ": cannot write: " + Outputs.why(e));
            return ExitCodes.USAGE;
        }
    }
}
