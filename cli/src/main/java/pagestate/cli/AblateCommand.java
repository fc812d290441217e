package pagestate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import pagestate.checker.CheckerConfig;
import pagestate.model.PropertyName;
import pagestate.reports.PropertyReport;
import pagestate.reports.RunReport;
import pagestate.reports.SpecReport;
import pagestate.specs.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

/** {@code pagestate ablate SPEC}: which steps are necessary, which are redundant, which orders are forced. */
@Command(name = "ablate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Find which steps are necessary, which are redundant and which orders are forced.",
                "Derives every variant of the spec's step lists that drops one step, swaps two adjacent steps,"
                        + " merges clear_present and the flip after it into clear_present_and_flip, or moves a flush;"
                        + " checks each and concludes in plain words.",
                "When the original already violates a property, it says so first: a step is called redundant,"
                        + " a merge safe or an order free only from the properties the original keeps (a variant"
                        + " that still violates what the original violates shows nothing). To search for a fix,"
                        + " see repair.",
                "Properties: --property, else those the spec has expectations for, else all it checks."
                        + " With --threads N, variants are checked N at a time."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the analysis completed", "2:bad usage or an invalid spec",
                "3:a limit left some verdict unknown"})
final class AblateCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec(Target.SELF)
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "A spec file.")
    Path file;

    @Option(names = "--property", paramLabel = "NAME", description = "A property to judge the variants by (repeatable).")
    List<String> properties;

    @Option(names = "--out", paramLabel = "DIR", description = "Write each variant's counterexample traces and diagrams to DIR.")
    Path out;

    @Option(names = "--png", description = "With --out: a PNG image of each diagram besides its SVG.")
    boolean png;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the table as JSON to FILE.")
    Path json;

    @Mixin
    Limits limits;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        CheckerConfig config = limits.configOrReport("ablate", err);
        if (config == null) return ExitCodes.USAGE;
        if (!Outputs.usable(json, null, out, err)) return ExitCodes.USAGE;
        Spec spec = SpecFiles.loadOne(file, "ablate", err);
        if (spec == null) return ExitCodes.USAGE;
        if (!(spec.config() instanceof pagestate.model.cpu.Scenario)) {
            err.println(file + ": ablate removes the steps of CPU converters; this spec's system is " + spec.system()
                    + " (ablate works on system cpu only)");
            return ExitCodes.USAGE;
        }
        List<String> selected = selected(spec, err);
        if (selected == null) return ExitCodes.USAGE;
        List<Ablation.Variant> variants = Ablation.variants(spec);
        List<SpecReport> reports = check(variants, config);
        AblationTable table = new AblationTable(variants, reports, selected);
        table.print(stdout);
        boolean written = json == null || writeJson(table, err);
        if (out != null) {
            List<SpecReport> renamed = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                SpecReport r = reports.get(i);
                renamed.add(new SpecReport(r.file(), String.format("%03d-", i) + variants.get(i).edit(), r.description(),
                        r.platform(), r.system(), r.steps(), r.complete(), r.stats(), r.properties()));
            }
            written &= Outputs.write(new RunReport("pagestate", Version.VERSION, renamed), null, null, out, png,
                    err, ProgressDisplay.onTerminal());
        }
        stdout.flush();
        if (!written) return ExitCodes.USAGE;
        return table.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    private List<String> selected(Spec spec, PrintWriter err) {
        if (properties != null && !properties.isEmpty()) {
            for (String p : properties) {
                if (PropertyName.bySpecName(p).isEmpty()) {
                    err.println(file + ": unknown property " + p + pagestate.specs.Suggest.hint(p,
                            java.util.Arrays.stream(PropertyName.values()).map(PropertyName::specName).toList()));
                    return null;
                }
                if (!spec.properties().contains(p)) {
                    err.println(file + ": property " + p + " is not checked by this spec (add it to its check line)");
                    return null;
                }
            }
            return List.copyOf(properties);
        }
        if (!spec.expectations().isEmpty()) return spec.expectations().stream().map(Spec.Expectation::property).toList();
        return spec.properties();
    }

    private List<SpecReport> check(List<Ablation.Variant> variants, CheckerConfig config) throws InterruptedException {
        CheckerConfig one = config.withThreads(1);
        ExecutorService pool = Executors.newFixedThreadPool(config.threads());
        try {
            List<Future<SpecReport>> futures = new ArrayList<>();
            for (Ablation.Variant v : variants) {
                futures.add(pool.submit(() -> reportOf(SpecRun.run(v.spec(), one))));
            }
            List<SpecReport> reports = new ArrayList<>();
            for (Future<SpecReport> f : futures) reports.add(f.get());
            return reports;
        } catch (ExecutionException e) {
            throw new IllegalStateException("checking a variant failed: " + Outputs.why(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean writeJson(AblationTable table, PrintWriter err) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AblationTable.Row row : table.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("edit", row.edit());
            m.put("kind", row.kind().name().toLowerCase(java.util.Locale.ROOT));
            m.put("steps", row.steps());
            Map<String, String> verdicts = new LinkedHashMap<>();
            for (PropertyReport p : row.selected()) verdicts.put(p.name(), p.actual().word());
            m.put("verdicts", verdicts);
            m.put("first_violation", row.firstNew() == null ? null : row.firstNew().name());
            m.put("cause", row.firstNew() == null ? null : row.firstNew().outcome());
            m.put("trace_length", row.firstNew() == null ? null : row.firstNew().trace().steps().size());
            rows.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tool", "pagestate");
        doc.put("version", Version.VERSION);
        doc.put("spec", file.toString());
        doc.put("properties", table.properties());
        doc.put("original_violates", table.originalViolates());
        doc.put("original_keeps", table.kept());
        doc.put("rows", rows);
        doc.put("conclusions", table.conclusions());
        try {
            Outputs.writeAtomically(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(doc));
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("pagestate: --json " + json + ": cannot write: " + Outputs.why(e));
            return false;
        }
    }

    private pagestate.reports.SpecReport reportOf(SpecRun<?, ?> run) {
        return ReportBuilder.build(run, limits.reduction(run.model().reductions() != null));
    }
}
