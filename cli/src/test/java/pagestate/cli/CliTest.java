package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's contract: exit codes, one-line errors, the summary line, machine outputs. */
class CliTest {

    static final String SPEC = """
            spec tdx-to-shared
            description "TDX generic path, private -> shared"
            platform tdx
            converter conv on cpu 0 pages 1 owner
              to shared:
                unmap_aliases
                flush_tlb
                flush_cache
                flip
                flush_tlb
                map_gpa
            reader zp on cpu 1 page 0
            hardware all
            check no_fatal no_coco_exception conversion_completes
            expect no_fatal holds              # docs/model.md section 8, item 1
            expect no_coco_exception violated  # docs/model.md section 8, item 1
            """;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        // errors as logical lines: the command wraps a line over 100 columns (LineWidthTest checks that)
        return new Run(code, out.toString(), unwrapped(err.toString()));
    }

    /** Lines as printed before they were wrapped to 100 columns (continuations start with 4+ spaces). */
    static String unwrapped(String text) {
        return text.replaceAll("\n {4,}", " ");
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertFalse(r.out().contains("Exception"), r.out());
    }

    @Test
    void everyExpectationMetExitsZeroWithSummaryLast() throws Exception {
        Run r = run("check", write("a.pspec", SPEC).toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.outLines();
        assertEquals("pagestate: 2 passed, 0 failed", lines.get(lines.size() - 1));
        assertTrue(lines.get(0).startsWith("SPEC"), r.out());
    }

    @Test
    void unmetExpectationExitsOne() throws Exception {
        Run r = run("check", write("a.pspec", SPEC.replace("expect no_fatal holds", "expect no_fatal violated")).toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("NOT MET"), r.out());
        assertTrue(r.out().endsWith("pagestate: 1 passed, 1 failed\n"), r.out());
        assertTrue(r.out().contains("holds: no explored path violates it"), "the outcome in a few words: " + r.out());
    }

    @Test
    void unmetViolationNamesItsCauseAndTheExplainCommandAlsoWhenQuiet() throws Exception {
        Path spec = write("a.pspec", SPEC.replace("expect no_coco_exception violated", "expect no_coco_exception holds"));
        Run r = run("check", spec.toString());
        assertEquals(1, r.code());
        String explain = "pagestate explain " + spec + " --property no_coco_exception";
        String row = r.out().lines().filter(l -> l.contains("no_coco_exception")).findFirst().orElseThrow();
        assertTrue(row.matches(" +no_coco_exception +holds +violated +NOT MET"), row);
        assertTrue(unwrapped(r.out()).contains("violated: "), r.out());
        assertTrue(unwrapped(r.out()).contains("see: " + explain), r.out());
        assertTrue(r.out().contains("tdx"), "the platform: " + r.out());
        Run quiet = run("check", "-q", spec.toString());
        assertEquals(1, quiet.code());
        String first = unwrapped(quiet.out()).lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("NOT MET: tdx-to-shared no_coco_exception: expected holds, violated: "), first);
        assertTrue(first.endsWith("; see: " + explain), first);
        assertTrue(quiet.out().endsWith("pagestate: 1 passed, 1 failed\n"), quiet.out());
    }

    @Test
    void limitHitExitsThreeAndSaysIncomplete() throws Exception {
        Path spec = write("a.pspec", SPEC);
        Run r = run("check", "--max-states", "5", spec.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().endsWith(", 2 incomplete (stopped by max-states 5)\n"), r.out());
        assertEquals(List.of("pagestate: " + spec + ": incomplete, stopped by max-states 5; the verdicts not found by then are unknown"),
                unwrapped(r.err()).lines().toList());
        // without expectations the summary counts nothing incomplete, but the run still says so
        Path bare = write("b.pspec", SPEC.lines().filter(l -> !l.strip().startsWith("expect")).collect(java.util.stream.Collectors.joining("\n")));
        Run quiet = run("check", "--quiet", "--max-states", "5", bare.toString());
        assertEquals(3, quiet.code(), quiet.out() + quiet.err());
        assertEquals("pagestate: 0 passed, 0 failed, incomplete (stopped by max-states 5)", quiet.out().strip());
        assertTrue(quiet.err().contains(bare + ": incomplete, stopped by max-states 5"), quiet.err());
    }

    @Test
    void missingFileExitsTwoWithOneLine() {
        Path missing = dir.resolve("nope.pspec");
        Run r = run("check", missing.toString());
        assertEquals(2, r.code());
        assertEquals(List.of(missing + ": no such file or directory"), r.err().lines().toList());
        assertNoStackTrace(r);
    }

    @Test
    void emptyFolderExitsTwo() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Run r = run("check", empty.toString());
        assertEquals(2, r.code());
        assertEquals(List.of(empty + ": no spec files (*.pspec) found"), r.err().lines().toList());
    }

    @Test
    void unreadableFileExitsTwoNamingIt() throws Exception {
        // no read permission (effective for a normal user) and bytes that are not UTF-8 text (root reads
        // through permissions): either way the file cannot be read as a spec
        Path p = dir.resolve("unreadable.pspec");
        Files.write(p, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28});
        p.toFile().setReadable(false, false);
        Run r = run("check", p.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(p.toString() + ":"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void danglingLinkIsNoSuchFile() throws Exception {
        Path link = dir.resolve("gone.pspec");
        Files.createSymbolicLink(link, dir.resolve("does-not-exist"));
        Run r = run("check", link.toString());
        assertEquals(2, r.code());
        assertEquals(List.of(link + ": no such file or directory (a symbolic link to nothing, or a loop of links)"),
                r.err().lines().toList());
    }

    @Test
    void syntaxErrorExitsTwoWithFileLineColumn() throws Exception {
        Path p = write("bad.pspec", SPEC.replace("    flush_cache\n", "    flush_cahce\n"));
        Run r = run("check", p.toString());
        assertEquals(2, r.code());
        String line = unwrapped(r.err()).lines().findFirst().orElseThrow();
        assertTrue(line.matches(java.util.regex.Pattern.quote(p.toString()) + ":8:\\d+: .*flush_cache.*"), line);
        assertNoStackTrace(r);
    }

    @Test
    void badOptionExitsTwo() {
        Run r = run("check", "--threads", "0", "x");
        assertEquals(2, r.code());
        Run r2 = run("check", "--no-such-option", "x");
        assertEquals(2, r2.code());
        assertNoStackTrace(r2);
    }

    @Test
    void jsonAndJunitAreWritten() throws Exception {
        Path json = dir.resolve("out/r.json");
        Path junit = dir.resolve("out/j.xml");
        Files.createDirectories(json.getParent());
        Run r = run("check", "--quiet", "--json", json.toString(), "--junit", junit.toString(), write("a.pspec", SPEC).toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("pagestate: 2 passed, 0 failed\n", r.out());
        String j = Files.readString(json);
        assertTrue(j.contains("\"distinct_states\""), j);
        assertTrue(j.contains("\"tool\" : \"pagestate\"") || j.contains("\"tool\":\"pagestate\""), j);
        assertTrue(Files.readString(junit).contains("<testcase"));
    }

    @Test
    void explainPrintsTheShortestCounterexample() throws Exception {
        Run r = run("explain", write("a.pspec", SPEC).toString(), "--property", "no_coco_exception");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("VIOLATES no_coco_exception"), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 100), r.out());
        Run holds = run("explain", write("b.pspec", SPEC).toString(), "--property", "no_fatal");
        assertEquals(1, holds.code());
        Run typo = run("explain", write("c.pspec", SPEC).toString(), "--property", "no_fatl");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("did you mean no_fatal?"), typo.err());
    }

    @Test
    void helpAndVersion() {
        Run help = run("check", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--max-states"));
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("pagestate "));
        Run none = run();
        assertEquals(2, none.code());
    }
}
