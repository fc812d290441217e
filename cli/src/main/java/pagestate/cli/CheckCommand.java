package pagestate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import pagestate.checker.CheckerConfig;
import pagestate.reports.RunReport;
import pagestate.reports.SpecReport;
import pagestate.reports.Summary;
import pagestate.specs.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

/** {@code pagestate check PATH...}: explore every spec and compare the verdicts with its expectations. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Check spec files against their expectations.",
                "Explores every interleaving within each spec's bounds and compares each property's verdict"
                        + " with the spec's expectations. PATH is a spec file or a folder searched recursively"
                        + " for *.pspec files."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every expectation met", "1:at least one expectation not met",
                "2:bad usage or an invalid spec", "3:a limit stopped an exploration before every verdict was known"})
final class CheckCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec(Target.SELF)
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Spec files or folders.")
    List<Path> paths;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the HTML report, traces and diagrams to DIR.")
    Path out;

    @Option(names = "--png", description = "With --out: a PNG image of each diagram besides its SVG (slower: about"
            + " 40 ms each).")
    boolean png;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the verdicts and statistics as JSON to FILE.")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML (one test case per expectation) to FILE.")
    Path junit;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary line (and errors).")
    boolean quiet;

    @Mixin
    Limits limits;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        CheckerConfig config = limits.configOrReport("check", err);
        if (config == null) return ExitCodes.USAGE;
        List<Spec> specs = SpecFiles.load(paths, err);
        if (specs == null) return ExitCodes.USAGE;
        Table table = new Table(out, quiet);
        table.header();
        List<SpecReport> reports = new ArrayList<>();
        for (Spec spec : specs) {
            SpecRun<?, ?> run;
            try (ProgressDisplay progress = new ProgressDisplay(!quiet && ProgressDisplay.onTerminal(), spec.name())) {
                run = SpecRun.run(spec, config.withProgress(progress));
            }
            SpecReport report = ReportBuilder.build(run, limits.reduction(run.model().reductions() != null));
            reports.add(report);
            table.rows(report);
            if (!report.complete()) {
                // said even without expectations (the summary counts only unknown expectations) and with --quiet
                err.println("pagestate: " + spec.file() + ": incomplete, stopped by " + run.result().stopReason()
                        + "; the verdicts not found by then are unknown");
                err.flush();
            }
        }
        RunReport run = new RunReport("pagestate", Version.VERSION, reports);
        Outputs.write(run, json, junit, this.out, png, err, !quiet && ProgressDisplay.onTerminal());
        Summary s = run.summary();
        out.println("pagestate: " + s.passed() + " passed, " + s.failed() + " failed"
                + (s.incomplete() > 0 ? ", " + s.incomplete() + " incomplete" : ""));
        out.flush();
        if (s.failed() > 0) return ExitCodes.FAILED;
        if (s.incomplete() > 0 || reports.stream().anyMatch(r -> !r.complete())) return ExitCodes.INCOMPLETE;
        return ExitCodes.OK;
    }
}
