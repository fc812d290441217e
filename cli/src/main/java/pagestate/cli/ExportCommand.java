package pagestate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import pagestate.export.PromelaExport;
import pagestate.model.PropertyName;
import pagestate.model.cpu.Scenario;
import pagestate.specs.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

/** {@code pagestate export --promela SPEC [-o FILE]}: the spec as a Promela model for SPIN. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Export a cpu spec as a self-contained Promela model for SPIN, with the same state graph",
                "as pagestate's unreduced search (SPIN counts one more state, its initialisation).",
                "Each safety property the spec checks is an assertion selected with -DCHECK_<name>;",
                "liveness properties are not exported. The file's header gives the commands to run it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the model was written", "2:bad usage, an invalid spec, or a file that cannot be written"})
final class ExportCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec(Target.SELF)
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--promela", required = true, description = "Write Promela (the one format so far).")
    boolean promela;

    @Parameters(index = "0", paramLabel = "SPEC", description = "A spec file of system cpu.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Spec spec = SpecFiles.loadOne(file, "export", err);
        if (spec == null) return ExitCodes.USAGE;
        if (!(spec.config() instanceof Scenario scenario)) {
            err.println(file + ": export works on system cpu only; this spec's system is " + spec.system());
            return ExitCodes.USAGE;
        }
        List<PropertyName> properties = spec.properties().stream()
                .map(p -> PropertyName.bySpecName(p).orElseThrow()).toList();
        String text = new PromelaExport(scenario, spec.name() + ": " + spec.description() + " ("
                + pagestate.specs.SpecError.shorter(file, Path.of("").toAbsolutePath()) + ")",
                properties).promela();
        if (output == null) {
            out.print(text);
            out.flush();
            return ExitCodes.OK;
        }
        if (!Outputs.file("-o", output, err)) return ExitCodes.USAGE;
        try {
            Outputs.writeAtomically(output, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println(output + ": cannot write the model: " + Outputs.why(e));
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }
}
