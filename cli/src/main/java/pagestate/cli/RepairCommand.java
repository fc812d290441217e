package pagestate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import pagestate.checker.CheckerConfig;
import pagestate.specs.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

/** {@code pagestate repair SPEC}: search for the fewest edits of the spec's steps that make it correct. */
@Command(name = "repair", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Search for the smallest edits of the spec's steps that make it correct.",
                "Edits: those of ablate (drop a step, swap two adjacent steps, merge clear_present and flip,"
                        + " move a flush) and inserting any primitive of the spec's platform but flip and"
                        + " clear_present_and_flip (flush_tlb, flush_cache, wbinvd, unmap_aliases,"
                        + " clear_present, set_present, and map_gpa/accept, psc/pvalidate/rescind or"
                        + " hv_visibility) at any position. Every candidate one edit away is explored; only"
                        + " when none is a fix, every candidate two edits away (--depth).",
                "Goal: every property the spec checks holds; with --expected, every expectation of the spec is"
                        + " met. Each fix is verified by a full exploration, as check does, and shown as a diff of"
                        + " the steps with the verdicts it reaches, fewest edits first, then fewest added steps.",
                "--max-seconds bounds the whole search; --threads N explores N candidates at a time."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a fix was found (or the spec already meets the goal)",
                "1:no fix within the searched depth", "2:bad usage or an invalid spec",
                "3:a limit stopped the search before it was complete"})
final class RepairCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec(Target.SELF)
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "A spec file of system cpu.")
    Path file;

    @Option(names = "--expected", description = "The goal is the spec's expectations, not every checked property holding.")
    boolean expected;

    @Option(names = "--depth", paramLabel = "N", description = "Search at most N edits deep, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int depth = 2;

    @Option(names = "--fixes", paramLabel = "N", description = "Print the N best fixes (default: ${DEFAULT-VALUE}).")
    int shown = 3;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the search and every fix as JSON to FILE.")
    Path json;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Mixin
    Limits limits;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        CheckerConfig config = limits.configOrReport("repair", err);
        if (config == null) return ExitCodes.USAGE;
        if (depth < 1 || depth > 2 || shown < 0) {
            err.println("pagestate repair: " + (shown < 0 ? "--fixes must be >= 0" : "--depth must be 1 or 2"));
            return ExitCodes.USAGE;
        }
        Spec spec = SpecFiles.loadOne(file, "repair", err);
        if (spec == null) return ExitCodes.USAGE;
        if (!(spec.config() instanceof pagestate.model.cpu.Scenario)) {
            err.println(file + ": repair edits the steps of CPU converters; this spec's system is " + spec.system()
                    + " (repair works on system cpu only)");
            return ExitCodes.USAGE;
        }
        if (expected && spec.expectations().isEmpty()) {
            err.println(file + ": --expected needs expectations, and this spec has none (add expect lines, or drop"
                    + " --expected to make every checked property hold)");
            return ExitCodes.USAGE;
        }
        RepairGoal goal = RepairGoal.of(spec, expected);
        RepairSearch.Outcome outcome;
        try (Progress progress = new Progress(!quiet && ProgressDisplay.onTerminal())) {
            outcome = new RepairSearch(spec, goal, config, depth,
                    run -> ReportBuilder.build(run, limits.reduction(run.model().reductions() != null)), progress).run();
        }
        RepairReport report = new RepairReport(spec, goal, outcome, depth);
        report.print(stdout, shown);
        stdout.flush();
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(),
                    report.json(file.toString(), Version.VERSION));
        }
        if (!outcome.complete()) {
            err.println("pagestate: " + file + ": incomplete, stopped by " + outcome.stopReason());
            return ExitCodes.INCOMPLETE;
        }
        boolean met = goal.met(outcome.original());
        return met || !outcome.fixes().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** A progress bar on stderr (candidates explored at the current depth), on a terminal only. */
    private static final class Progress implements RepairSearch.Listener, AutoCloseable {
        private final boolean enabled;
        private ProgressBar bar;
        private int depth;

        Progress(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public synchronized void progress(int depth, int done, int total, int fixes) {
            if (!enabled) return;
            if (bar == null || this.depth != depth) {
                close();
                this.depth = depth;
                bar = new ProgressBarBuilder().setTaskName("depth " + depth).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .setUnit(" candidates", 1).setUpdateIntervalMillis(500).continuousUpdate().build();
            }
            bar.stepTo(done);
            bar.setExtraMessage(" " + fixes + (fixes == 1 ? " fix" : " fixes"));
        }

        @Override
        public synchronized void close() {
            if (bar != null) bar.close();
            bar = null;
        }
    }
}
