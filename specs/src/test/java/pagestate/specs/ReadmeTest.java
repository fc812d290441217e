package pagestate.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * specs/README.md cannot drift from the model: its reference tables are the ones {@link Reference}
 * generates from the enums, and every keyword of the language is documented. Run with
 * {@code -Dpagestate.updateReadme=true} to rewrite the generated sections.
 */
class ReadmeTest {
    static final Path README = Path.of("README.md");
    private static final Pattern SECTION = Pattern.compile("(<!-- generated: ([a-z_]+) -->\n)(.*?)(<!-- end generated -->)",
            Pattern.DOTALL);

    static String regenerate(String readme) {
        Map<String, String> tables = Reference.tables();
        Matcher m = SECTION.matcher(readme);
        StringBuilder b = new StringBuilder();
        int sections = 0;
        while (m.find()) {
            String table = tables.get(m.group(2));
            if (table == null) throw new AssertionError("README has a generated section for unknown table " + m.group(2));
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + table + m.group(4)));
            sections++;
        }
        m.appendTail(b);
        assertEquals(tables.size(), sections, "README must have one generated section per table: " + tables.keySet());
        return b.toString();
    }

    @Test
    void generatedTablesAreUpToDate() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String fresh = regenerate(readme);
        if (Boolean.getBoolean("pagestate.updateReadme") && !fresh.equals(readme)) {
            Files.writeString(README, fresh, StandardCharsets.UTF_8);
            readme = fresh;
        }
        assertEquals(fresh, readme, "specs/README.md is out of date: run mvn -pl specs test -Dtest=ReadmeTest"
                + " -Dpagestate.updateReadme=true");
    }

    @Test
    void everyModelNameHasADescription() {
        for (String table : Reference.tables().values()) {
            for (String row : table.lines().skip(2).toList()) {
                String last = row.substring(0, row.length() - 1);
                last = last.substring(last.lastIndexOf('|') + 1).trim();
                assertFalse(last.isEmpty(), "no description in: " + row);
            }
        }
    }

    @Test
    void everyKeywordAndEditOperationIsDocumented() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        for (String k : FileParser.KEYWORDS) assertTrue(readme.contains("| `" + k + " "), "keyword " + k + " has no row");
        for (String op : EditBody.OPERATIONS) assertTrue(readme.contains("| `" + op + " "), "edit operation " + op + " has no row");
        for (String word : new String[] {"holds", "violated", "unknown", "owner", "except", "`to shared:`", "`to private:`",
                ".pagestate-ignore", "#N"}) {
            assertTrue(readme.contains(word), word);
        }
    }

    @Test
    void theExamplesInTheReadmeParse() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```\n(# TDX generic path.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find());
        assertEquals("tdx-generic-to-shared", Texts.spec(m.group(1)).name());
    }
}
