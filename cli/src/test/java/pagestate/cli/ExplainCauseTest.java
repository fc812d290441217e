package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's spec (TDX, private -> shared, the cache flushed first, no TLB flush): every form of its
 * counterexample shows the cause, step 0 with CPU1's private TLB entry and the stale translation the
 * zeropad used, with the step after which no TLB flush ran.
 */
class ExplainCauseTest {

    static final Path SPEC = Path.of("..", "specs", "catalog", "cpu", "tdx-to-shared-no-tlb-flush.pspec")
            .toAbsolutePath().normalize();

    static final String STEP0_TLB = "TLB direct[p1]: CPU0 private, CPU1 private";
    static final String TRANSLATION = "CPU1 translated page 1 with its TLB entry direct[p1] (private, since the"
            + " initial state); PTE direct[p1] is shared since step 4 (flip) and no TLB flush ran after step 4";

    @TempDir
    Path dir;

    /** The text with every run of white space made one space: wrapped lines read as one. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void explainShowsStepZeroAndTheStaleTranslationWithinOneHundredColumns() {
        CliTest.Run r = CliTest.run("explain", SPEC.toString(), "--property", "no_fatal");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("\n 0  initial state: what the counterexample involves\n"), r.out());
        assertTrue(r.out().contains("      " + STEP0_TLB + "\n"), r.out());
        assertTrue(flat(r.out()).contains("translation: " + TRANSLATION), r.out());
        assertTrue(flat(r.out()).contains("rule: TDX access table: private access to a shared page -> TD exit"), r.out());
        assertTrue(flat(r.out()).contains("kernel: cpa_flush() with cache = 1 (clflush_cache_range()) in"
                + " arch/x86/mm/pat/set_memory.c"), r.out());
        for (String line : r.outLines()) assertTrue(line.length() <= 100, "longer than 100 columns: " + line);
    }

    @Test
    void theDiagramAndTheHtmlPageShowTheStepZeroBoxAndTheTranslationOfTheViolatingBox() throws Exception {
        // the catalogue spec checking only no_fatal: one diagram to draw
        Path spec = dir.resolve("tdx-to-shared-no-tlb-flush.pspec");
        Files.writeString(spec, Files.readString(SPEC).replace("check all", "check no_fatal")
                .replaceAll("(?m)^expect (?!no_fatal ).*$", ""));
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("check", "-q", spec.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Path specDir = out.resolve("tdx-to-shared-no-tlb-flush");
        String dot = flat(Files.readString(specDir.resolve("no_fatal.dot")).replace("\\l", " ").replace("\\n", " "));
        assertTrue(dot.contains("0. initial state"), dot);
        assertTrue(dot.contains(STEP0_TLB), dot);
        assertTrue(dot.contains("VIOLATES no_fatal"), dot);
        assertTrue(dot.contains("CPU1 translated page 1 with its TLB entry"), dot);
        assertTrue(dot.contains("no TLB flush ran after step 4"), dot);
        String svg = Files.readString(specDir.resolve("no_fatal.svg"));
        assertTrue(svg.contains("0. initial state"), "no step-0 box in the SVG");
        assertTrue(svg.contains("CPU1 translated page 1"), "no translation in the violating box of the SVG");
        String html = flat(Files.readString(specDir.resolve("index.html")));
        assertTrue(html.contains("0. initial state"), "no step-0 box on the HTML page");
        assertTrue(html.contains(STEP0_TLB), "no step 0 in the HTML page's text trace");
        assertTrue(html.contains("translation: " + TRANSLATION), "no translation in the HTML page's text trace");
    }
}
