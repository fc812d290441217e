package pagestate.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import pagestate.reports.TextWrap;
import pagestate.specs.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

/** {@code pagestate list}: the bundled specs, grouped by system, with platform and description. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"List specs with their platform and description, grouped by system.",
                "Without PATH: the bundled catalogue (specs/ of the pagestate checkout)."})
final class ListCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec(Target.SELF)
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Spec files or folders (default: the bundled catalogue).")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        List<Path> roots = paths;
        if (roots == null || roots.isEmpty()) {
            Path bundled = Home.bundledSpecs();
            if (bundled == null || !Files.isDirectory(bundled)) {
                err.println("pagestate list: the bundled specs were not found; run it through ./pagestate or name a folder");
                return ExitCodes.USAGE;
            }
            roots = List.of(bundled);
        }
        List<Spec> specs = SpecFiles.load(roots, err);
        if (specs == null) return ExitCodes.USAGE;
        Map<String, List<Spec>> bySystem = new TreeMap<>();
        for (Spec s : specs) bySystem.computeIfAbsent(s.system(), k -> new java.util.ArrayList<>()).add(s);
        for (var group : bySystem.entrySet()) {
            out.println(group.getKey() + ":");
            for (Spec s : group.getValue()) {
                // the full name; the description wraps under itself, within 100 columns
                String head = String.format("  %-40s %-5s ", s.name(), s.config().platformLabel());
                String indent = " ".repeat(49);
                if (head.length() > indent.length()) {
                    out.println(head.stripTrailing());
                    head = indent;
                }
                for (String line : TextWrap.wrap(s.description(), Table.WIDTH, head, indent)) out.println(line);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
