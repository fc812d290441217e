package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contracts of {@code ablate} and {@code explain --graph}. */
class AblateAndGraphTest {

    /** Kelley's steps on vTOM, small (no hardware, one CPU besides the converter's), with the flush after set_present. */
    static final String SEVEN = """
            spec small-seven-vtom
            description "seven steps on vTOM, no hardware"
            platform vtom
            converter conv on cpu 0 pages 1 owner off
              to shared:
                clear_present
                flush_tlb
                flip
                hv_visibility
                set_present
                flush_tlb
            reader zp on cpu 1 page 0
            hardware none
            check no_fatal no_coco_exception
            expect no_coco_exception holds   # seed 004
            """;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path spec(String text) throws Exception {
        Path p = dir.resolve("s.pspec");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void ablateReportsTheOriginalFirstAndConcludes() throws Exception {
        Path json = dir.resolve("a.json");
        Run r = run("ablate", spec(SEVEN).toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.matches("\\d+ +.*")).toList();
        assertTrue(rows.get(0).startsWith("0   (original)"), rows.get(0));
        assertTrue(r.out().contains("clear_present is necessary: without it no_coco_exception is violated"), r.out());
        assertTrue(r.out().contains("flush_tlb#2 is redundant"), r.out());
        assertTrue(r.out().contains("merging clear_present and flip into clear_present_and_flip keeps every verdict"), r.out());
        String j = Files.readString(json);
        assertTrue(j.contains("\"edit\" : \"(original)\"") && j.contains("\"conclusions\""), j);
    }

    @Test
    void ablateExitsThreeWhenALimitLeavesAVerdictUnknownAndTwoOnABadSpec() throws Exception {
        assertEquals(3, run("ablate", spec(SEVEN).toString(), "--max-states", "3").code());
        Run bad = run("ablate", spec(SEVEN.replace("flip\n", "flipp\n")).toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("did you mean flip?"), bad.err());
    }

    @Test
    void explainDrawsTheWholeStateGraphOfASmallModel() throws Exception {
        Path svg = dir.resolve("g.svg");
        String text = SEVEN.replace("    clear_present\n    flush_tlb\n", "");
        Run r = run("explain", spec(text).toString(), "--property", "no_coco_exception", "--graph", svg.toString());
        assertEquals(0, r.code(), r.err());
        String s = Files.readString(svg);
        assertTrue(s.contains("<svg"), s.substring(0, Math.min(200, s.length())));
        assertTrue(r.err().contains("state graph ("), r.err());
    }

    @Test
    void explainRefusesToDrawALargeStateGraph() throws Exception {
        Path svg = dir.resolve("g.svg");
        // the standard 2 CPUs with every hardware action on: thousands of states, far over the 300 drawable
        String text = SEVEN.replace("    clear_present\n    flush_tlb\n", "").replace("hardware none", "hardware all");
        Run r = run("explain", spec(text).toString(), "--property", "no_coco_exception", "--graph", svg.toString(),
                "--no-reduction");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("too many to draw"), r.err());
        assertTrue(Files.notExists(svg));
    }
}
