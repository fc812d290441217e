package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.specs.Spec;

/**
 * specs/README.md's catalogue table is the one the catalogue itself gives (every spec under specs/catalog:
 * name, system, platform, description, expectations); when they disagree the test fails with the diff and
 * the command that rewrites the table ({@link CatalogueTable#BEGIN}).
 */
class CatalogueTableTest {

    private static final Path SPECS = Path.of("..", "specs").toAbsolutePath().normalize();

    @Test
    void theReadmeTableIsTheCatalogues() throws Exception {
        StringWriter err = new StringWriter();
        List<Spec> specs = SpecFiles.load(List.of(SPECS.resolve("catalog")), new PrintWriter(err, true));
        assertNotNull(specs, err.toString());
        assertTrue(specs.size() >= 50, "the catalogue has its specs: " + specs.size());
        Path readme = SPECS.resolve("README.md");
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        List<String> expected = CatalogueTable.replaced(lines, CatalogueTable.lines(specs));
        assertNotNull(expected, "specs/README.md has no catalogue table markers: add " + CatalogueTable.BEGIN
                + " and " + CatalogueTable.END);
        if (Boolean.getBoolean("pagestate.writeCatalogueTable") && !expected.equals(lines)) {
            Files.write(readme, expected, StandardCharsets.UTF_8);
            lines = expected;
        }
        assertEquals("", diff(lines, expected), "specs/README.md's catalogue table is stale (- README, + catalogue);"
                + " rewrite it with: mvn -B -o -q test -pl cli -am -Dtest=CatalogueTableTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dpagestate.writeCatalogueTable=true");
    }

    @Test
    void theDiffShowsWhatDiffers() {
        assertEquals("- b\n+ c\n", diff(List.of("a", "b", "d"), List.of("a", "c", "d")));
        assertEquals("", diff(List.of("a"), List.of("a")));
    }

    /** A line diff (longest common subsequence): "- line" only in {@code a}, "+ line" only in {@code b}. */
    static String diff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add("- " + a.get(i++));
            } else {
                out.add("+ " + b.get(j++));
            }
        }
        StringBuilder s = new StringBuilder();
        for (String line : out) s.append(line).append('\n');
        return s.toString();
    }
}
