package pagestate.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors as a terminal shows them (at most 100 columns, file:line:col: first) and the one-line error for
 * a file that is not a spec file.
 */
class ErrorDisplayTest {

    private static final String LONG = "flush_tlb takes no address: only flush_cache, pvalidate, rescind go through a"
            + " mapping of the spec's choice (flush_tlb acts as CPA does)";

    @Test
    void aShortErrorIsOneLine() {
        SpecError e = new SpecError(Path.of("t.pspec"), 3, 7, "unknown keyword foo");
        assertEquals("t.pspec:3:7: unknown keyword foo", e.display(Path.of("/work"), 100));
        assertEquals(e.format(), e.display(Path.of("/work"), 100));
    }

    @Test
    void aPathUnderTheWorkingDirectoryIsShownRelativeToIt() {
        Path cwd = Path.of("/home/dev/linux");
        SpecError e = new SpecError(cwd.resolve("specs/catalog/cpu/x.pspec"), 3, 7, "unknown keyword foo");
        assertEquals("specs/catalog/cpu/x.pspec:3:7: unknown keyword foo", e.display(cwd, 100));
        SpecError elsewhere = new SpecError(Path.of("/a/x.pspec"), 3, 7, "m");
        assertEquals("/a/x.pspec:3:7: m", elsewhere.display(cwd, 100), "relative would be longer: ../../../a/x.pspec");
        assertEquals("/home/dev/linux/specs/catalog/cpu/x.pspec:3:7: unknown keyword foo", e.format(),
                "JSON and JUnit keep the path as given");
    }

    @Test
    void aLongErrorPutsTheMessageOnIndentedContinuationLines() {
        Path deep = Path.of("/srv/ci/builds/2026-12-07/pagestate/specs/catalog/cpu/an-unusually-long-name.pspec");
        SpecError e = new SpecError(deep, 12, 15, LONG);
        String shown = e.display(Path.of("/"), 100);
        List<String> lines = shown.lines().toList();
        assertTrue(lines.size() >= 2, shown);
        assertEquals("srv/ci/builds/2026-12-07/pagestate/specs/catalog/cpu/an-unusually-long-name.pspec:12:15:", lines.get(0));
        for (String l : lines) assertTrue(l.length() <= 100, () -> l.length() + ": " + l);
        for (String l : lines.subList(1, lines.size())) assertTrue(l.startsWith("    ") && !l.startsWith("     "), l);
        assertEquals(LONG, String.join(" ", lines.subList(1, lines.size()).stream().map(String::strip).toList()));
        assertTrue(!e.format().contains("\n"), "format() stays one line");
    }

    @Test
    void aWordLongerThanALineIsKeptWholeOnALineOfItsOwn() {
        List<String> parts = SpecError.wrap("in " + "x".repeat(250) + " end", 96);
        assertEquals(List.of("in", "x".repeat(250), "end"), parts);
    }

    @Test
    void aLocationLongerThanALineIsItsOwnLineAndTheMessageFitsUnderIt() {
        Path deep = Path.of("/srv/" + "a-very-long-folder-name/".repeat(6) + "spec.pspec");
        SpecError e = new SpecError(deep, 3, 7, "unknown keyword foo");
        List<String> lines = e.display(Path.of("/elsewhere"), 100).lines().toList();
        assertEquals(List.of(deep + ":3:7:", "    unknown keyword foo"), lines);
        assertTrue(lines.get(0).length() > 100, "the location is not broken");
    }

    @Test
    void aFileThatIsNotASpecFileIsOneErrorWithASuggestion(@TempDir Path dir) throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "spec x\nplatform tdx\nwhatever words here\n");
        SpecResult r = SpecLoader.load(notes);
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals(notes + ": not a spec file: spec files end in .pspec; rename it to notes.pspec if it is one,"
                + " or name its folder to check every spec in it", r.errors().get(0).format());
    }

    @Test
    void extendsReadsOnlySpecFilesEvenThroughALink(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "secret words here\n");
        Files.createSymbolicLink(dir.resolve("base.pspec"), dir.resolve("notes.txt"));
        Path spec = Files.writeString(dir.resolve("v.pspec"), "spec v\nextends \"base.pspec\"\n");
        List<SpecError> errors = SpecLoader.load(spec).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().endsWith("it links to notes.txt, which is not a spec file"), errors.toString());
        assertTrue(!errors.toString().contains("secret"), "the words of the other file are not echoed");
    }
}
