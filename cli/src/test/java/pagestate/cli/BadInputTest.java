package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code check} does with bad input: an invalid spec in a folder is reported and the others are still
 * checked; a path it cannot write is one line naming it; a spec too large for the encodings is a spec error.
 */
class BadInputTest {

    /** An exception's class name, which no message a user sees may contain. */
    static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|java\\.|\\tat ");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aFolderWithOneInvalidSpecChecksTheOtherTwoAndExitsTwo() throws Exception {
        Path folder = dir.resolve("specs");
        write("specs/a-valid.pspec", CliTest.SPEC);
        write("specs/b-invalid.pspec", CliTest.SPEC.replace("    flush_cache\n", "    flush_cahce\n"));
        write("specs/c-valid.pspec", CliTest.SPEC.replace("spec tdx-to-shared", "spec tdx-to-shared-again")
                .replace("expect no_fatal holds", "expect no_fatal violated"));
        Path json = dir.resolve("out/r.json");
        Path junit = dir.resolve("out/r.xml");
        CliTest.Run r = CliTest.run("check", folder.toString(), "--json", json.toString(), "--junit", junit.toString());

        assertEquals(2, r.code(), r.out() + r.err());
        // stdout: both verdict tables, then the summary naming the spec not checked
        assertTrue(r.out().contains("tdx-to-shared ") && r.out().contains("tdx-to-shared-again "), r.out());
        List<String> out = r.outLines();
        assertEquals("pagestate: 3 passed, 1 failed, 1 invalid spec not checked", out.get(out.size() - 1));
        // stderr: the invalid spec's error, file:line:col
        Path bad = folder.resolve("b-invalid.pspec");
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().matches(Pattern.quote(bad.toString()) + ":8:5: unknown primitive flush_cahce.*\\n"), r.err());
        // JSON: both specs, and the error
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, doc.get("specs").size());
        assertEquals("tdx-to-shared", doc.get("specs").get(0).get("name").asText());
        assertEquals("tdx-to-shared-again", doc.get("specs").get(1).get("name").asText());
        JsonNode error = doc.get("errors").get(0);
        assertEquals(1, doc.get("errors").size());
        assertEquals(bad.toString(), error.get("spec").asText());
        assertEquals(8, error.get("line").asInt());
        assertEquals(5, error.get("column").asInt());
        assertTrue(error.get("message").asText().startsWith("unknown primitive flush_cahce"), error.toString());
        // JUnit: three suites; the invalid spec is a failed test case named after its file
        String xml = Files.readString(junit);
        assertTrue(xml.matches("(?s).*<testsuites name=\"pagestate [^\"]+\" tests=\"5\" failures=\"2\".*"), xml);
        assertTrue(xml.contains("<testsuite name=\"tdx-to-shared\""), xml);
        assertTrue(xml.contains("<testsuite name=\"tdx-to-shared-again\""), xml);
        assertTrue(xml.contains("<testcase name=\"" + bad + "\" classname=\"pagestate.invalid\""), xml);
        assertTrue(xml.contains("type=\"pagestate.InvalidSpec\">" + bad + ":8:5: unknown primitive flush_cahce"), xml);
    }

    @Test
    void aMissingPathIsAnErrorAndTheOthersAreStillChecked() throws Exception {
        Path missing = dir.resolve("nope.pspec");
        CliTest.Run r = CliTest.run("check", missing.toString(), write("a.pspec", CliTest.SPEC).toString());
        assertEquals(2, r.code());
        assertEquals(List.of(missing + ": no such file or directory"), r.err().lines().toList());
        assertTrue(r.out().endsWith("pagestate: 2 passed, 0 failed, 1 invalid spec not checked\n"), r.out());
    }

    @Test
    void everyOutputPathProblemIsOneLineNamingThePathAndExitsTwo() throws Exception {
        Path spec = write("a.pspec", CliTest.SPEC);
        Path file = write("a-file", "x");
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        List<String[]> cases = List.of(
                new String[] {"--out", file.toString(), "is a file"},
                new String[] {"--out", file.resolve("sub").toString(), "is a file, not a folder"},
                new String[] {"--json", folder.toString(), "is a folder"},
                new String[] {"--json", file.resolve("r.json").toString(), "is a file, not a folder"},
                new String[] {"--junit", folder.toString(), "is a folder"},
                new String[] {"--junit", file.resolve("deeper/r.xml").toString(), "is a file, not a folder"});
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run("check", "--quiet", c[0], c[1], spec.toString());
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.out() + r.err());
            List<String> lines = r.err().lines().toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).startsWith("pagestate: " + c[0] + " " + c[1] + ": "), lines.get(0));
            assertTrue(lines.get(0).contains(c[2]), lines.get(0));
            assertFalse(CLASS_NAME.matcher(r.err() + r.out()).find(), r.err());
            assertEquals("", r.out(), "nothing is explored when an output cannot be written");
        }
        CliTest.Run graph = CliTest.run("explain", spec.toString(), "--graph", folder.toString());
        assertEquals(2, graph.code());
        assertTrue(graph.err().startsWith("pagestate: --graph " + folder + ": is a folder"), graph.err());
    }

    @Test
    void oddPathsAndNumbersAreOneLineErrors() throws Exception {
        Path spec = write("a.pspec", CliTest.SPEC);
        Path one = dir.resolve("loop-1.pspec");
        Files.createSymbolicLink(one, dir.resolve("loop-2.pspec"));
        Files.createSymbolicLink(dir.resolve("loop-2.pspec"), one);
        CliTest.Run loop = CliTest.run("check", "--quiet", one.toString());
        assertEquals(2, loop.code());
        assertEquals(List.of(one + ": no such file or directory (a symbolic link to nothing, or a loop of links)"),
                loop.err().lines().toList());
        // an empty argument (an unset variable) is not the working folder
        CliTest.Run empty = CliTest.run("check", "--quiet", "", spec.toString());
        assertEquals(2, empty.code());
        assertEquals(List.of("\"\": an empty path; name a spec file or a folder (. for the working folder)"),
                empty.err().lines().toList());
        assertTrue(empty.out().endsWith("pagestate: 2 passed, 0 failed, 1 invalid spec not checked\n"), empty.out());
        for (String option : new String[] {"--json", "--junit"}) {
            CliTest.Run dash = CliTest.run("check", "--quiet", option, "-", spec.toString());
            assertEquals(2, dash.code());
            assertTrue(dash.err().startsWith("pagestate: " + option + " -: standard output is not supported"), dash.err());
            assertFalse(Files.exists(Path.of("-")), "no file named -");
        }
        CliTest.Run big = CliTest.run("check", "--max-states", "99999999999999999999", spec.toString());
        assertEquals(2, big.code());
        assertTrue(big.err().contains("'99999999999999999999' is not a whole number (at most 2^63-1)"), big.err());
        assertFalse(CLASS_NAME.matcher(loop.err() + empty.err() + big.err()).find());
        // nothing checked: no table header either
        CliTest.Run invalid = CliTest.run("check", write("bad.pspec", "spec x\n").toString());
        assertFalse(invalid.out().contains("PROPERTY"), invalid.out());
    }

    @Test
    void outputsAreReplacedWholeAndLeaveNoTemporaryFiles() throws Exception {
        Path spec = write("a.pspec", CliTest.SPEC);
        Path json = write("out/r.json", "old contents that are longer than nothing ".repeat(200));
        CliTest.Run r = CliTest.run("check", "--quiet", "--json", json.toString(), spec.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(json).startsWith("{"), Files.readString(json));
        assertTrue(Files.readString(json).strip().endsWith("}"));
        try (var files = Files.list(json.getParent())) {
            assertEquals(List.of("r.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void sizesTheEncodingCannotHoldAreSpecErrorsNamingTheLimit() throws Exception {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 300; i++) steps.append("    flush_tlb\n");
        Path conv = write("long-converter.pspec", CliTest.SPEC.replace("    map_gpa\n", steps + "    map_gpa\n"));
        String busdma = """
                spec bd
                description "d"
                system busdma
                driver vio does load STEPS start wait postread read unload
                device disk reads writes
                """;
        Path prog = write("long-driver.pspec", busdma.replace("STEPS", "prewrite ".repeat(250)));
        Path fits = write("fits.pspec", busdma.replace("STEPS", "prewrite ".repeat(249)));
        CliTest.Run r = CliTest.run("check", "--quiet", "--max-states", "100", conv.toString(), prog.toString(),
                fits.toString());
        assertEquals(2, r.code(), r.err());
        List<String> err = r.err().lines().filter(l -> !l.contains("incomplete, stopped by")).toList();
        assertEquals(List.of(
                conv + ":258:5: converter conv has 306 steps; a converter program has at most 252 steps here"
                        + " (254 with its owner's 2 accesses)",
                prog + ":4:2298: driver vio has 256 steps; a driver program has at most 255 steps"), err);
        assertFalse(CLASS_NAME.matcher(r.err()).find(), r.err());
    }
}
