package pagestate.specs;

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
 * The bundled specs and the documents point into docs/model.md, the model's reference: every comment of a
 * bundled spec that cites a source (a seed, a manual, a kernel file or commit) also names a section of
 * docs/model.md, every section cited anywhere is a heading there, and nothing cites the project's
 * private background notes.
 */
class ModelCitationsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern HEADING = Pattern.compile("^#{2,4} (\\d+(?:\\.\\d+)*)\\.? ");
    private static final Pattern CITATION = Pattern.compile("docs/model\\.md,? sections? (\\d+(?:\\.\\d+)*)");
    private static final Pattern SOURCE = Pattern.compile(
            "seed [0-9]|SDM|APM|\\b[0-9a-f]{12}\\b|\\w\\.c\\b|lore|Documentation/|commit|\\.rst|TLFS|Vol\\.",
            Pattern.CASE_INSENSITIVE);

    static Set<String> sections() throws IOException {
        Set<String> s = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/model.md"))) {
            Matcher m = HEADING.matcher(line);
            if (m.find()) s.add(m.group(1));
        }
        return s;
    }

    static List<Path> specs() throws IOException {
        List<Path> l = new ArrayList<>();
        for (String dir : List.of("catalog", "bench")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                files.filter(p -> p.toString().endsWith(".pspec")).sorted().forEach(l::add);
            }
        }
        return l;
    }

    /** The comments of a spec file: each block of whole-line comments, and each trailing comment. */
    static List<String> comments(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : lines) {
            if (line.strip().startsWith("#")) {
                block.append(line).append('\n');
                continue;
            }
            if (block.length() > 0) out.add(block.toString());
            block.setLength(0);
            int hash = line.indexOf('#');
            if (hash >= 0) out.add(line.substring(hash));
        }
        if (block.length() > 0) out.add(block.toString());
        return out;
    }

    @Test
    void everyCommentThatCitesASourcePointsIntoTheModelsReference() throws IOException {
        List<String> missing = new ArrayList<>();
        List<Path> specs = specs();
        assertTrue(specs.size() > 50, "the bundled specs are found");
        for (Path f : specs) {
            for (String c : comments(Files.readAllLines(f))) {
                if (SOURCE.matcher(c).find() && !c.contains("docs/model.md")) missing.add(f + ": " + c.strip());
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyCitedSectionIsAHeadingOfTheReference() throws IOException {
        Set<String> headings = sections();
        List<Path> files = new ArrayList<>(specs());
        files.addAll(List.of(ROOT.resolve("README.md"), Path.of("README.md"), ROOT.resolve("docs/model.md"),
                ROOT.resolve("docs/performance.md")));
        List<String> missing = new ArrayList<>();
        int cited = 0;
        for (Path f : files) {
            if (!Files.exists(f)) continue;
            Matcher m = CITATION.matcher(Files.readString(f));
            while (m.find()) {
                cited++;
                if (!headings.contains(m.group(1))) missing.add(f + ": section " + m.group(1));
            }
        }
        assertTrue(cited > 100, "the citations are found: " + cited);
        assertEquals(List.of(), missing, "headings: " + headings);
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    @Test
    void everyLinkIntoTheReferenceNamesAHeading() throws IOException {
        Set<String> anchors = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/model.md"))) {
            if (line.startsWith("#")) anchors.add(anchor(line.replaceFirst("^#+ ", "")));
        }
        Pattern link = Pattern.compile("model\\.md#([A-Za-z0-9_-]+)");
        Pattern local = Pattern.compile("\\]\\(#([A-Za-z0-9_-]+)\\)");
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path f : List.of(ROOT.resolve("README.md"), Path.of("README.md"), ROOT.resolve("docs/model.md"))) {
            String text = Files.readString(f);
            Matcher m = (f.endsWith("model.md") ? local : link).matcher(text);
            while (m.find()) {
                links++;
                if (!anchors.contains(m.group(1))) broken.add(f + ": #" + m.group(1));
            }
        }
        assertTrue(links > 10, "the links are found: " + links);
        assertEquals(List.of(), broken);
    }

    @Test
    void nothingCitesTheBackgroundNotes() throws IOException {
        List<Path> files = new ArrayList<>(specs());
        files.addAll(List.of(ROOT.resolve("README.md"), Path.of("README.md"), ROOT.resolve("docs/model.md")));
        for (Path f : files) {
            String text = Files.readString(f);
            assertTrue(!text.contains("shared/domain") && !text.contains("domain.md") && !text.contains("../shared"), f.toString());
        }
    }
}
