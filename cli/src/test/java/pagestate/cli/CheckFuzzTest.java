package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutants of the bundled specs through {@code pagestate check} itself (the command line, in process):
 * whatever the input, no internal error and no exception's name, every error names a file that exists
 * and, when it is about a place in the file, a line of it; a run that gives verdicts ends in 0, 1 or 3
 * and its last line is the summary. Explorations are bounded small, so the mutants take seconds.
 */
class CheckFuzzTest {
    static final int MUTANTS = Integer.getInteger("pagestate.fuzz.mutants", 2000);

    /** {@code file[:line[:col]]: message} at the start of an error line. */
    private static final Pattern ERROR = Pattern.compile("(.+?\\.pspec|.+?)(?::(\\d+)(?::(\\d+))?)?: (.+)");
    private static final Pattern INCOMPLETE = Pattern.compile("pagestate: .+: incomplete, stopped by .+");
    /** Messages about a file as a whole (a statement missing, the file unreadable): they have no line. */
    private static final List<String> FILE_LEVEL = List.of("missing ", "the file has ", "cannot read ", "no such file",
            "invalid spec");
    private static final Pattern ACTOR = Pattern.compile("^(\\s*\\w+ )(\\w+)");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final String[] NUMBERS = {"0", "-1", "2147483648", "9223372036854775808", "1000000000000000000000000000000",
        "4", "5", "255", "256", "65536"};
    private static final String[] ODD = {"\u0000", "\u0007", "\t", "\r", "\u001b[31m", "\u00e9", "\u4e2d\u6587", "\ud83d\ude00",
        "\u202e", "\ufeff", "\ufffd", "\u00a0", "\\", "\"", "#", ":", ","};

    @TempDir
    Path dir;

    @Test
    void mutantsOfTheBundledSpecsNeverCauseAnInternalError() throws Exception {
        Path catalog = Path.of("..", "specs", "catalog").toAbsolutePath().normalize();
        List<Path> seeds;
        try (Stream<Path> all = Files.walk(catalog)) {
            seeds = all.filter(p -> p.toString().endsWith(".pspec")).sorted().toList();
        }
        assertTrue(seeds.size() > 20, "the catalogue: " + seeds);
        // a copy of the catalogue, so that extends finds its bases next to each mutant
        for (Path s : seeds) {
            Path copy = dir.resolve(catalog.relativize(s).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(s, copy);
        }
        Path cpu = dir.resolve("cpu");
        chain(cpu, Files.readString(seeds.stream().filter(p -> p.toString().contains("tdx-generic-to-shared")).findFirst()
                .orElseThrow()));
        Random random = new Random(Long.getLong("pagestate.fuzz.seed", 20261206L));
        int[] codes = new int[4];
        for (int i = 0; i < MUTANTS; i++) {
            Path seed = seeds.get(random.nextInt(seeds.size()));
            Path mutant = dir.resolve(catalog.relativize(seed).toString()).resolveSibling("fuzz-mutant.pspec");
            String text = mutate(Files.readString(seed, StandardCharsets.UTF_8), random, mutant.getParent().equals(cpu));
            Files.writeString(mutant, text, StandardCharsets.UTF_8);
            codes[check(mutant, text)]++;
        }
        // the mutator really breaks specs, and leaves some valid
        assertTrue(codes[2] > MUTANTS / 4, "invalid: " + codes[2]);
        assertTrue(codes[0] + codes[1] + codes[3] > MUTANTS / 20, Arrays.toString(codes));
    }

    /** Runs check on one mutant; returns its exit code after checking everything it printed. */
    private static int check(Path mutant, String text) {
        CliTest.Run r = CliTest.run("check", "--quiet", "--threads", "1", "--max-states", "40", "--max-seconds", "5",
                mutant.toString());
        String context = "\n--- exit " + r.code() + ", stdout:\n" + r.out() + "--- stderr:\n" + r.err() + "--- mutant:\n"
                + (text.length() > 3000 ? text.substring(0, 3000) + "..." : text);
        assertTrue(r.code() >= 0 && r.code() <= 3, context);
        String all = r.out() + r.err();
        assertFalse(all.contains("internal error"), context);
        assertFalse(BadInputTest.CLASS_NAME.matcher(all).find(), context);
        List<String> err = r.err().lines().toList();
        java.util.Map<Path, Integer> lineCounts = new java.util.HashMap<>();   // each file read once
        lineCounts.put(mutant, text.split("\n", -1).length);
        for (String line : err) {
            if (INCOMPLETE.matcher(line).matches()) continue;
            Matcher m = ERROR.matcher(line);
            if (!m.matches()) fail("not file:line:col: message: " + line + context);
            Path file = Path.of(m.group(1));
            assertTrue(Files.exists(file), "the error names no existing file: " + line + context);
            if (m.group(2) == null) {
                assertTrue(FILE_LEVEL.stream().anyMatch(m.group(4)::startsWith), "an error without a line: " + line + context);
            } else {
                int lines = lineCounts.computeIfAbsent(file, CheckFuzzTest::lineCount);
                int at = Integer.parseInt(m.group(2));
                assertTrue(at >= 1 && at <= lines, "line " + at + " of " + lines + ": " + line + context);
            }
        }
        if (r.code() == 2) {
            assertFalse(err.isEmpty(), context);
        } else {
            assertTrue(r.out().lines().reduce((a, b) -> b).orElse("").startsWith("pagestate: "), context);
        }
        return r.code();
    }

    private static int lineCount(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).split("\n", -1).length;
        } catch (Exception e) {
            return Integer.MAX_VALUE;   // not UTF-8: any line may be named
        }
    }

    /** chain-0 .. chain-69 (each extending the one before), and cycle-a/cycle-b extending each other. */
    private static void chain(Path dir, String base) throws Exception {
        Files.writeString(dir.resolve("chain-0.pspec"), base);
        for (int k = 1; k < 70; k++) {
            Files.writeString(dir.resolve("chain-" + k + ".pspec"), "spec chain-" + k + "\nextends \"chain-" + (k - 1)
                    + ".pspec\"\ndescription \"a link\"\n");
        }
        Files.writeString(dir.resolve("cycle-a.pspec"), "spec a\nextends \"cycle-b.pspec\"\ndescription \"a\"\n");
        Files.writeString(dir.resolve("cycle-b.pspec"), "spec b\nextends \"cycle-a.pspec\"\ndescription \"b\"\n");
    }

    /**
     * The text as tokens whose concatenation is the text: each white space, ':', ',' and '"' alone, and
     * the runs of other characters (scanned: a regular expression of look-arounds took a third of the test).
     */
    static List<String> tokens(String t) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == ':' || c == ','
                    || c == '"') {
                if (i > start) tokens.add(t.substring(start, i));
                tokens.add(String.valueOf(c));
                start = i + 1;
            }
        }
        tokens.add(t.substring(start));   // possibly empty: a place to insert at the end
        return tokens;
    }

    /** One to three mutations of {@code text}. */
    static String mutate(String text, Random random, boolean besideChains) {
        String t = text;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) t = mutateOnce(t, random, besideChains);
        return t;
    }

    private static String mutateOnce(String t, Random random, boolean besideChains) {
        int kind = random.nextInt(13);
        boolean onTokens = kind == 1 || kind == 3 || kind == 5 || kind == 6 || kind == 9;
        // only the split the mutation works on (the token split is a regular expression over the whole text)
        List<String> lines = onTokens ? List.of("") : new ArrayList<>(Arrays.asList(t.split("\n", -1)));
        List<String> tokens = onTokens ? tokens(t) : List.of("");
        int line = random.nextInt(lines.size());
        int token = random.nextInt(tokens.size());
        switch (kind) {
            case 0 -> lines.remove(line);
            case 1 -> tokens.remove(token);
            case 2 -> Collections.swap(lines, line, random.nextInt(lines.size()));
            case 3 -> Collections.swap(tokens, token, random.nextInt(tokens.size()));
            case 4 -> lines.add(line, lines.get(random.nextInt(lines.size())));
            case 5 -> tokens.add(token, tokens.get(random.nextInt(tokens.size())));
            case 6 -> { // a number replaced
                List<Integer> numbers = new ArrayList<>();
                for (int k = 0; k < tokens.size(); k++) if (DIGITS.matcher(tokens.get(k)).matches()) numbers.add(k);
                int k = numbers.isEmpty() ? token : numbers.get(random.nextInt(numbers.size()));
                tokens.set(k, NUMBERS[random.nextInt(NUMBERS.length)]);
            }
            case 7 -> { // a control or non-ASCII character inserted
                String s = lines.get(line);
                int at = random.nextInt(s.length() + 1);
                lines.set(line, s.substring(0, at) + ODD[random.nextInt(ODD.length)] + s.substring(at));
            }
            case 8 -> { // truncated
                return t.substring(0, random.nextInt(t.length() + 1));
            }
            case 9 -> { // a long identifier: a name, a keyword or a step
                int[] lengths = {101, 300, 5000, 1_000_000};
                tokens.set(token, "x".repeat(lengths[random.nextInt(lengths.length)]));
            }
            case 10 -> { // an actor or a step repeated many times, under new names
                String s = lines.get(line);
                int times = 1 + random.nextInt(400);
                Matcher named = ACTOR.matcher(s);
                for (int k = 0; k < times; k++) lines.add(line, named.replaceFirst("$1$2x" + k));
            }
            case 11 -> { // extends: deep, cyclic, itself, not a spec, missing, a folder
                String[] bases = besideChains
                        ? new String[] {"chain-62.pspec", "chain-69.pspec", "cycle-a.pspec", "fuzz-mutant.pspec"}
                        : new String[] {"../cpu/chain-69.pspec", "../cpu/cycle-b.pspec", "fuzz-mutant.pspec"};
                String[] other = {"/etc/passwd", "/dev/zero", ".", "../cpu", "missing.pspec", "../../../../../../proc/self/status"};
                String base = random.nextBoolean() ? bases[random.nextInt(bases.length)] : other[random.nextInt(other.length)];
                lines.removeIf(l -> l.startsWith("extends "));
                lines.add(Math.min(1, lines.size()), "extends \"" + base + "\"");
            }
            default -> { // a character dropped
                if (t.isEmpty()) return t;
                int at = random.nextInt(t.length());
                return t.substring(0, at) + t.substring(at + 1);
            }
        }
        return switch (kind) {
            case 1, 3, 5, 6, 9 -> String.join("", tokens);
            default -> String.join("\n", lines);
        };
    }
}
