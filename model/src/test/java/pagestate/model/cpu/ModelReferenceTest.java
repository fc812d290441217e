package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every section of docs/model.md that an explanation's rule or a source comment of the model cites is a
 * heading of docs/model.md, so renumbering the reference breaks this test rather than the users' links.
 */
class ModelReferenceTest {

    static final Path MODEL_MD = Path.of("..", "docs", "model.md");
    private static final Pattern HEADING = Pattern.compile("^#{2,4} (\\d+(?:\\.\\d+)*)\\.? ");
    private static final Pattern CITATION = Pattern.compile("docs/model\\.md,? sections? (\\d+(?:\\.\\d+)*)");

    /** The section numbers of docs/model.md's headings ("4", "5.1", ...). */
    static Set<String> sections() throws IOException {
        Set<String> s = new TreeSet<>();
        for (String line : Files.readAllLines(MODEL_MD)) {
            Matcher m = HEADING.matcher(line);
            if (m.find()) s.add(m.group(1));
        }
        return s;
    }

    @Test
    void theHeadingsAreParsed() throws IOException {
        Set<String> s = sections();
        assertTrue(s.containsAll(List.of("4", "5", "5.1", "5.2", "5.3", "5.5", "6", "10.2", "10.3")), s.toString());
    }

    @Test
    void everyRuleAnExplanationCitesIsASectionOfTheReference() throws IOException {
        Set<String> s = sections();
        for (Cause c : Cause.values()) {
            assertTrue(s.contains(AccessRows.section(c)), c + " cites section " + AccessRows.section(c) + ", not in " + s);
            assertTrue(AccessRows.source(c).endsWith("docs/model.md section " + AccessRows.section(c)), AccessRows.source(c));
        }
    }

    @Test
    void everySectionTheModelsSourcesCiteExists() throws IOException {
        Set<String> s = sections();
        List<String> missing = new ArrayList<>();
        int cited = 0;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CITATION.matcher(Files.readString(f));
                while (m.find()) {
                    cited++;
                    if (!s.contains(m.group(1))) missing.add(f.getFileName() + ": section " + m.group(1));
                }
            }
        }
        assertTrue(cited > 10, "the scan finds the citations");
        assertEquals(List.of(), missing);
    }
}
