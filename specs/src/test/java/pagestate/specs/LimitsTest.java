package pagestate.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounds of the language: extends depth and targets, word, line and file lengths, actors per state. */
class LimitsTest {

    @TempDir
    Path dir;

    private static List<String> errors(SpecResult r) {
        return r.errors().stream().map(SpecError::format).toList();
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** chain-0 is the example; chain-k extends chain-(k-1). */
    private void chain(int length) throws Exception {
        write("chain-0.pspec", Texts.EXAMPLE);
        for (int k = 1; k < length; k++) {
            write("chain-" + k + ".pspec", "spec chain-" + k + "\nextends \"chain-" + (k - 1) + ".pspec\"\ndescription \"d\"\n");
        }
    }

    @Test
    void extendsGoesAtMost64FilesDeep() throws Exception {
        chain(200);
        assertTrue(SpecLoader.load(dir.resolve("chain-63.pspec")).ok(), () -> errors(SpecLoader.load(dir.resolve("chain-63.pspec"))).toString());
        SpecResult deep = SpecLoader.load(dir.resolve("chain-64.pspec"));
        assertEquals(List.of(dir.resolve("chain-1.pspec") + ":2:9: extends goes more than 64 files deep (from chain-64.pspec);"
                + " a spec may extend a chain of at most 63 bases"), errors(deep));
        // thousands deep: the same one error, quickly, and no stack overflow
        assertEquals(1, SpecLoader.load(dir.resolve("chain-199.pspec")).errors().size());
    }

    @Test
    void extendsReadsOnlySpecFilesAndNeverEchoesAnotherFile() throws Exception {
        Path secret = write("notes.txt", "password hunter2\n");
        for (String base : List.of(secret.toString(), "notes.txt", "/dev/zero", ".")) {
            SpecResult r = SpecLoader.parse(dir.resolve("v.pspec"), "spec v\nextends \"" + base + "\"\ndescription \"d\"\n");
            assertEquals(1, r.errors().size(), errors(r).toString());
            String e = r.errors().get(0).format();
            assertTrue(e.contains(":2:9: extends: \"") && e.endsWith("is not a spec file: a base's name ends in .pspec"), e);
            assertFalse(e.contains("hunter2"), e);
        }
        Files.createDirectories(dir.resolve("folder.pspec"));
        SpecResult folder = SpecLoader.parse(dir.resolve("v.pspec"), "spec v\nextends \"folder.pspec\"\ndescription \"d\"\n");
        assertEquals(List.of(dir.resolve("v.pspec") + ":2:9: cannot read base spec \"folder.pspec\": it is a directory"),
                errors(folder));
    }

    @Test
    void wordsLinesAndFilesHaveBounds() {
        Path f = dir.resolve("x.pspec");
        String word = "c".repeat(1_000_000);
        SpecResult longWord = SpecLoader.parse(f, Texts.EXAMPLE.replace("converter conv on", "converter " + word + " on"));
        assertTrue(errors(longWord).stream().anyMatch(e -> e.matches(".*:\\d+:\\d+: the line has 1000\\d+ characters;"
                + " a line has at most 4096")), errors(longWord).toString());
        String name = "c".repeat(101);
        SpecResult longName = SpecLoader.parse(f, Texts.EXAMPLE.replace("converter conv on", "converter " + name + " on"));
        assertTrue(errors(longName).stream().anyMatch(e -> e.endsWith(": a word of 101 characters; a word (a name, keyword"
                + " or number) has at most 100")), errors(longName).toString());
        String huge = Texts.EXAMPLE + "# padding\n".repeat(110_000);
        assertEquals(List.of(f + ": the file has " + huge.length() + " characters; a spec file has at most 1048576"),
                errors(SpecLoader.parse(f, huge)));
    }

    @Test
    void aStateHasAtMost65536Successors() throws Exception {
        // 3 files of 22,000 readers each: more readers than the checker can number in one state
        String head = Texts.EXAMPLE.replaceAll("(?m)^reader .*$", "");
        write("r-0.pspec", head + readers(0));
        write("r-1.pspec", "spec r-1\nextends \"r-0.pspec\"\ndescription \"d\"\n" + readers(1));
        Path top = write("r-2.pspec", "spec r-2\nextends \"r-1.pspec\"\ndescription \"d\"\n" + readers(2));
        List<String> e = errors(SpecLoader.load(top));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).matches(".*r-2\\.pspec:\\d+:8: too many readers and hosts: a state could have 660\\d\\d"
                + " successors \\(one per reader, two per host and converter, and the hardware's\\); the checker numbers"
                + " at most 65536"), e.get(0));
    }

    private static String readers(int file) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 22_000; i++) b.append("reader r").append(file).append('_').append(i).append(" on cpu 1 page 0\n");
        return b.toString();
    }
}
