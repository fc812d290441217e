package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command over the catalogue, and its errors: no line is wider than 100 columns, no name is cut. */
class LineWidthTest {

    @TempDir
    Path dir;

    private final List<String> seen = new ArrayList<>();

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        String both = out + err.toString();
        for (String line : both.lines().toList()) {
            assertTrue(line.length() <= 100, String.join(" ", args) + ": " + line.length() + " columns: " + line);
        }
        seen.add(both);
        return both;
    }

    private static Path catalogue() {
        return Path.of("..", "specs", "catalog").toAbsolutePath().normalize();
    }

    @Test
    void checkListAndExplainOverTheCatalogueFit() throws Exception {
        String check = run("check", catalogue().toString());
        assertFalse(check.contains("~"), "no name is cut");
        assertTrue(check.matches("(?s).*\\n  conversion_completes +- +violated +\\(no expectation\\)\\n.*"),
                "a property violated without an expectation is shown: " + check);
        for (Path spec : CatalogueTest.specs().filter(p -> p.startsWith(catalogue())).toList()) {
            String name = spec.getFileName().toString().replace(".pspec", "");
            assertTrue(check.contains(name), "the full name " + name + " is printed");
            run("explain", spec.toString());
        }
        run("check", "-q", catalogue().toString());
        String list = run("list", catalogue().toString());
        assertTrue(list.contains("kelley-seven-step-snp-to-private"), list);
        run("ablate", catalogue().resolve("cpu/kelley-seven-step-tdx-to-shared.pspec").toString());
        assertTrue(seen.size() > 40, "commands run: " + seen.size());
    }

    /** check with --coverage, repair, explain --graph, and the Promela export of every catalogue cpu spec. */
    @Test
    void coverageRepairGraphAndExportFit() throws Exception {
        String coverage = run("check", "--coverage", catalogue().toString());
        assertTrue(coverage.contains("  coverage: actor, action, times fired"), coverage);
        Path noFlush = catalogue().resolve("cpu/tdx-to-shared-no-tlb-flush.pspec");
        String repair = run("repair", noFlush.toString());
        assertTrue(repair.contains("flush_tlb"), repair);
        run("explain", noFlush.toString(), "--property", "no_fatal", "--graph", dir.resolve("g.svg").toString());
        int exported = 0;
        for (Path spec : CatalogueTest.specs().filter(p -> p.startsWith(catalogue().resolve("cpu"))).toList()) {
            String promela = run("export", "--promela", spec.toString());
            assertTrue(promela.contains("active proctype system()"), spec + ": " + promela.lines().findFirst());
            exported++;
        }
        assertTrue(exported > 25, "cpu specs exported: " + exported);
        run("export", "--promela", catalogue().resolve("iommu/iommu-dynamic.pspec").toString());
        run("repair", catalogue().resolve("cpu/no-such-spec.pspec").toString());
    }

    @Test
    void helpAndErrorsFit() throws Exception {
        for (String command : new String[] {"check", "explain", "ablate", "list", "repair", "export"}) {
            run(command, "--help");
        }
        run("--help");
        assertTrue(run("chek").contains("did you mean check?"));
        assertTrue(run("check", "--thread", "2", "x").contains("did you mean --threads?"));
        Path deep = Files.createDirectories(dir.resolve("a-long-folder-name"));
        Path bad = deep.resolve("a-spec-file-with-a-long-name.pspec");
        Files.writeString(bad, "spec x\nplatform tdx\nconverter c on cpu 0 pages 1 owner\n  to shared:\n"
                + "    flush_tlbb\nreader zp on cpu 1 page 0\nhardware all\ncheck no_fatal\n");
        String error = run("check", bad.toString());
        List<String> lines = error.lines().toList();
        int at = lines.indexOf(bad + ":5:5:");
        assertTrue(at >= 0, "a long error puts file:line:column: alone on its first line: " + error);
        assertTrue(lines.get(at + 1).startsWith("    unknown primitive flush_tlbb; did you mean flush_tlb?"),
                "and the message on an indented continuation line: " + error);
    }
}
