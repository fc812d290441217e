package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pagestate.specs.SpecLoader;

/** Every bundled spec, checked through the command: each expectation it states is met. */
class CatalogueTest {

    /** The catalogue, from the module's directory (Maven runs tests in cli/). */
    static Stream<Path> specs() throws IOException {
        Path root = Path.of("..", "specs").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(root), "no bundled specs at " + root);
        List<Path> found = SpecLoader.discover(root);
        assertFalse(found.isEmpty(), "the catalogue is empty");
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void everyExpectationIsMet(Path spec) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"check", spec.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, out + "\n" + err);
        List<String> lines = out.toString().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("pagestate: [1-9]\\d* passed, 0 failed"), "every spec states expectations: " + last);
    }
}
