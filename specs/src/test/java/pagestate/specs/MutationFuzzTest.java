package pagestate.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of valid specs (deleted, duplicated, swapped tokens and lines, random bytes, truncation)
 * never make the loader throw: it returns a spec or a non-empty list of one-line errors, and no error is
 * an "internal error" (which would mean an unexpected exception was caught).
 */
class MutationFuzzTest {
    private static final Path DIR = ExtendsTest.DIR;

    /** Words that make a mutation likely to hit a real construct rather than an unknown word. */
    private static final List<String> VOCABULARY = vocabulary();

    private static List<String> vocabulary() {
        List<String> v = new ArrayList<>(FileParser.KEYWORDS);
        v.addAll(Names.primitives());
        v.addAll(Names.properties());
        v.addAll(Names.options());
        v.addAll(Names.platforms());
        v.addAll(Names.hardware());
        v.addAll(EditBody.OPERATIONS);
        v.addAll(List.of("to", "shared", "private", ":", "#", "\"", "on", "cpu", "page", "pages", "owner", "off", "all",
                "none", "except", "holds", "violated", "with", "before", "after", "at", "start", "end", "flush_tlb#2",
                "flip#0", "0", "1", "2", "3", "4", "-1", "99999999999", "\"base.pspec\"", "\"merged.pspec\"",
                "\"chain.pspec\"", "\"cycle-a.pspec\"", "\"fuzz.pspec\"", "\t", "  ", "\n", "\n  "));
        return List.copyOf(v);
    }

    /** A valid text and the file it is parsed as (its directory resolves {@code extends}). */
    private record Seed(Path file, String text) { }

    private static List<Seed> seeds() throws IOException {
        Path fuzz = DIR.resolve("fuzz.pspec");
        List<Seed> s = new ArrayList<>(List.of(new Seed(fuzz, Texts.EXAMPLE), new Seed(fuzz, ErrorsTest.M)));
        for (String f : List.of("base.pspec", "merged.pspec", "chain.pspec", "roundtrip.pspec")) {
            s.add(new Seed(fuzz, Files.readString(DIR.resolve(f), StandardCharsets.UTF_8)));
        }
        for (Path p : SpecLoader.discover(CatalogueTest.CATALOG)) {
            s.add(new Seed(p.resolveSibling("fuzz.pspec"), Files.readString(p, StandardCharsets.UTF_8)));
        }
        return s;
    }

    @Test
    void mutatedSpecsYieldASpecOrErrorsAndNeverThrow() throws IOException {
        List<Seed> seeds = seeds();
        for (Seed s : seeds) assertTrue(SpecLoader.parse(s.file(), s.text()).ok(), "seed " + s.file() + " must be valid");
        // deterministic by default; -Dpagestate.fuzz.seed=N -Dpagestate.fuzz.examples=M for a longer hunt
        qt().withFixedSeed(Long.getLong("pagestate.fuzz.seed", 20231102L))
                .withExamples(Integer.getInteger("pagestate.fuzz.examples", 3000)).withShrinkCycles(200)
                .forAll(integers().between(0, seeds.size() - 1),
                        lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(3, 30))
                .checkAssert((seed, script) -> check(seeds.get(seed).file(), mutate(seeds.get(seed).text(), script)));
    }

    @Test
    void theMutatorReallyBreaksSpecs() throws IOException {
        // guard against a mutator that does nothing: most mutants of the example must be rejected
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            List<Integer> script = List.of(i % 10, i * 7919, i * 104729, i * 31);
            if (!SpecLoader.parse(DIR.resolve("fuzz.pspec"), mutate(Texts.EXAMPLE, script)).ok()) failed++;
        }
        assertTrue(failed > 60, "only " + failed + " of 200 mutants were rejected");
    }

    private static void check(Path file, String text) {
        SpecResult r = SpecLoader.parse(file, text);
        assertNotNull(r);
        if (r instanceof SpecResult.Loaded l) {
            assertNotNull(l.spec().config());
            assertEquals(l.spec().system(), l.spec().config().system().specName());
            assertEquals(List.of(), r.errors());
            return;
        }
        assertFalse(r.errors().isEmpty());
        int lines = text.split("\n", -1).length;
        for (SpecError e : r.errors()) {
            assertFalse(e.message().contains("internal error"), () -> e.format() + "\n--- for input ---\n" + text);
            assertFalse(e.format().contains("\n"), () -> "multi-line error " + e.format());
            if (e.file().equals(file)) {
                assertTrue(e.line() >= 0 && e.line() <= lines, () -> "line out of range: " + e.format());
            }
        }
    }

    /** Applies the script, four numbers per mutation: kind, and three positions or choices. */
    static String mutate(String text, List<Integer> script) {
        String t = text;
        for (int i = 0; i < script.size(); i += 4) {
            int kind = script.get(i) % 10;
            int a = i + 1 < script.size() ? script.get(i + 1) : 0;
            int b = i + 2 < script.size() ? script.get(i + 2) : 0;
            int c = i + 3 < script.size() ? script.get(i + 3) : 0;
            t = mutateOnce(t, kind, a, b, c);
        }
        return t;
    }

    private static String mutateOnce(String t, int kind, int a, int b, int c) {
        List<String> lines = new ArrayList<>(Arrays.asList(t.split("\n", -1)));
        List<String> tokens = new ArrayList<>(Arrays.asList(t.split("(?<=\\s)|(?=\\s)", -1)));
        switch (kind) {
            case 0 -> { // delete a token
                if (!tokens.isEmpty()) tokens.remove(a % tokens.size());
                return String.join("", tokens);
            }
            case 1 -> { // duplicate a line
                if (!lines.isEmpty()) lines.add(a % lines.size(), lines.get(a % lines.size()));
                return String.join("\n", lines);
            }
            case 2 -> { // swap two lines
                if (lines.size() > 1) java.util.Collections.swap(lines, a % lines.size(), b % lines.size());
                return String.join("\n", lines);
            }
            case 3 -> { // swap two tokens
                if (tokens.size() > 1) java.util.Collections.swap(tokens, a % tokens.size(), b % tokens.size());
                return String.join("", tokens);
            }
            case 4 -> { // insert a word of the language
                String w = VOCABULARY.get(c % VOCABULARY.size());
                int at = a % (t.length() + 1);
                return t.substring(0, at) + (b % 2 == 0 ? " " + w + " " : w) + t.substring(at);
            }
            case 5 -> { // replace one character with a random byte (incl. control characters and NUL)
                if (t.isEmpty()) return t;
                int at = a % t.length();
                return t.substring(0, at) + (char) (c % 256) + t.substring(at + 1);
            }
            case 6 -> { // truncate
                return t.substring(0, a % (t.length() + 1));
            }
            case 7 -> { // delete a line
                if (!lines.isEmpty()) lines.remove(a % lines.size());
                return String.join("\n", lines);
            }
            case 8 -> { // indent or unindent a line
                if (lines.isEmpty()) return t;
                int n = a % lines.size();
                lines.set(n, b % 2 == 0 ? "  " + lines.get(n) : lines.get(n).stripLeading());
                return String.join("\n", lines);
            }
            default -> { // duplicate a token
                if (!tokens.isEmpty()) tokens.add(a % tokens.size(), tokens.get(b % tokens.size()));
                return String.join("", tokens);
            }
        }
    }
}
