package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path longer than a line: an error's {@code file:line:col:} is printed whole on its own line (a path
 * cannot be wrapped), the message on indented lines within 100 columns; in other messages a path longer
 * than a line goes whole on a line of its own, and no other line is wider than 100 columns.
 */
class LongPathTest {

    @TempDir
    Path dir;

    private Path deep() throws IOException {
        Path d = dir;
        for (int i = 0; i < 5; i++) d = d.resolve("a-rather-long-folder-name-number-" + i);
        return Files.createDirectories(d);
    }

    @Test
    void anErrorWhoseLocationIsOverALineKeepsItWholeAndTheMessageWithinTheWidth() throws IOException {
        Path bad = deep().resolve("a-spec-file-with-a-long-name.pspec");
        Files.writeString(bad, "spec x\nplatform tdx\nconverter c on cpu 0 pages 1 owner\n  to shared:\n"
                + "    flush_tlbb\nreader zp on cpu 1 page 0\nhardware all\ncheck no_fatal\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"check", bad.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(ExitCodes.USAGE, code);
        List<String> lines = err.toString().lines().toList();
        String location = bad + ":5:5:";
        assertTrue(location.length() > 100, "the test's path is over a line: " + location.length());
        int at = lines.indexOf(location);
        assertTrue(at >= 0, "the location whole on a line of its own: " + err);
        assertTrue(lines.get(at + 1).startsWith("    unknown primitive flush_tlbb; did you mean flush_tlb?"), err.toString());
        for (String line : lines) {
            if (!line.equals(location)) assertTrue(line.length() <= 100, line.length() + " columns: " + line);
        }
    }

    @Test
    void aPathOverALineInAMessageGoesWholeOnItsOwnLine() throws IOException {
        StringWriter target = new StringWriter();
        String path = "/" + "a-rather-long-folder-name/".repeat(5) + "spec.pspec";
        try (PrintWriter w = new PrintWriter(new WrappingWriter(target))) {
            w.println("pagestate: " + path + ": incomplete, stopped by max-seconds 2 while reading it; its verdicts"
                    + " are unknown, and some more words to go past the end of the line");
        }
        List<String> lines = target.toString().lines().toList();
        assertEquals("pagestate:", lines.get(0));
        assertEquals("    " + path + ":", lines.get(1));
        for (String line : lines.subList(2, lines.size())) {
            assertTrue(line.startsWith("    ") && line.length() <= 100, line);
        }
        String joined = String.join(" ", lines.stream().map(String::strip).toList());
        assertTrue(joined.endsWith("past the end of the line"), "no text lost: " + joined);
    }

    @Test
    void aLocationLineIsNeverBroken() {
        assertTrue(WrappingWriter.isLocation("/a b/c.pspec:3:4:"));
        assertTrue(!WrappingWriter.isLocation("pagestate: x:"));
        assertTrue(!WrappingWriter.isLocation("    indented:"));
    }
}
