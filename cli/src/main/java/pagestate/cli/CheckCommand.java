package pagestate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import pagestate.checker.CheckerConfig;
import pagestate.reports.InvalidSpec;
import pagestate.reports.RunReport;
import pagestate.reports.RunStats;
import pagestate.reports.SpecReport;
import pagestate.reports.Summary;
import pagestate.specs.Spec;
import pagestate.specs.SpecError;
import pagestate.specs.SpecLoader;
import pagestate.specs.SpecResult;
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
                "2:bad usage, an invalid spec (the others are still checked) or an output that cannot be written", "3:a limit stopped an exploration before every verdict was known"})
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

    @Option(names = "--coverage", description = "Under each spec, how often each actor did each kind of action"
            + " (a warning for an actor or step that never fired is printed without it).")
    boolean coverage;

    @Mixin
    Limits limits;

    /** When the command started: the process's start (or, inside another program, when picocli made this). */
    private final long commandStart = Main.processStart(System.nanoTime());

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        CheckerConfig config = limits.configOrReport("check", err);
        if (config == null) return ExitCodes.USAGE;
        if (!Outputs.usable(json, junit, this.out, err)) return ExitCodes.USAGE;
        SpecFiles.Found found = SpecFiles.discover(paths);
        List<InvalidSpec> invalid = new ArrayList<>();
        for (SpecError e : found.errors()) invalid(invalid, e.file(), List.of(e), err);
        Table table = new Table(out, quiet, coverage);
        List<SpecReport> reports = new ArrayList<>();
        Set<String> stoppedBy = new LinkedHashSet<>();
        boolean first = true;
        for (Path file : found.files()) {
            // --max-seconds counts reading the spec and building its model, and for the first spec the
            // command's own start (the JVM's, its options, finding the files)
            long start = first ? commandStart : System.nanoTime();
            first = false;
            double bound = config.maxSeconds();
            SpecResult loaded = bound > 0 ? SpecLoader.load(file, start + (long) (bound * 1e9)) : SpecLoader.load(file);
            if (loaded instanceof SpecResult.Stopped) {
                // the time limit passed while the spec was read: a spec whose every verdict is unknown
                String reason = "max-seconds " + Limits.format(bound);
                SpecReport report = unread(file, (System.nanoTime() - start) / 1e9);
                reports.add(report);
                table.row(report);
                stoppedBy.add(reason);
                err.println("pagestate: " + file + ": incomplete, stopped by " + reason
                        + " while reading it; its verdicts are unknown");
                err.flush();
                continue;
            }
            if (!(loaded instanceof SpecResult.Loaded l)) {
                // one bad spec is reported and the others are still checked
                invalid(invalid, file, loaded.errors(), err);
                continue;
            }
            Spec spec = l.spec();
            SpecRun<?, ?> run;
            try (ProgressDisplay progress = new ProgressDisplay(!quiet && ProgressDisplay.onTerminal(), spec.name())) {
                run = SpecRun.run(spec, config.withProgress(progress), start);
            }
            SpecReport report = ReportBuilder.build(run, limits.reduction(run.model().reductions() != null));
            reports.add(report);
            table.row(report);
            if (!report.complete()) {
                // said even without expectations (the summary counts only unknown expectations) and with --quiet
                stoppedBy.add(run.result().stopReason());
                err.println("pagestate: " + spec.file() + ": incomplete, stopped by " + run.result().stopReason()
                        + "; the verdicts not found by then are unknown");
                err.flush();
            }
        }
        RunReport run = new RunReport("pagestate", Version.VERSION, reports, invalid);
        boolean written = Outputs.write(run, json, junit, this.out, png, err,
                !quiet && ProgressDisplay.onTerminal());
        Summary s = run.summary();
        int bad = run.invalidSpecs().size();
        out.println("pagestate: " + s.passed() + " passed, " + s.failed() + " failed"
                + (stoppedBy.isEmpty() ? "" : ", " + (s.incomplete() > 0 ? s.incomplete() + " " : "") + "incomplete (stopped by "
                        + String.join(", ", stoppedBy) + ")")
                + (bad > 0 ? ", " + bad + " invalid spec" + (bad == 1 ? "" : "s") + " not checked" : ""));
        out.flush();
        if (bad > 0 || !written) return ExitCodes.USAGE;
        if (s.failed() > 0) return ExitCodes.FAILED;
        if (s.incomplete() > 0 || !stoppedBy.isEmpty()) return ExitCodes.INCOMPLETE;
        return ExitCodes.OK;
    }

    /** A spec the time limit stopped before it was read: named after its file, nothing explored. */
    private static SpecReport unread(Path file, double seconds) {
        String name = String.valueOf(file.getFileName());
        if (name.endsWith(SpecLoader.EXTENSION)) name = name.substring(0, name.length() - SpecLoader.EXTENSION.length());
        return new SpecReport(file.toString(), name, "", "", "", List.of(), false,
                RunStats.of(0, 0, 0, seconds, 0, "none"), List.of());
    }

    /** Prints a spec's errors, one line each, and records them for the JSON and JUnit reports. */
    private static void invalid(List<InvalidSpec> invalid, Path spec, List<SpecError> errors, PrintWriter err) {
        for (SpecError e : errors) {
            err.println(e.display());
            invalid.add(new InvalidSpec(spec.toString(), String.valueOf(e.file()), e.line(), e.column(), e.message()));
        }
        err.flush();
    }
}
