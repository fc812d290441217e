package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagestate.model.PaddedFields;

/**
 * Coverage: on SEV-SNP the merged conversion to private always ends fatally before its set_present step
 * (every path, also unreduced), so that step and the two after it never fire, and check says so in text,
 * JSON and HTML; a spec whose every step and actor fires gets no warning. A thread's counts are padded.
 */
class CoverageTest {

    @TempDir
    Path dir;

    private static final Path CPU = Path.of("..", "specs", "catalog", "cpu").toAbsolutePath().normalize();

    @Test
    void aStepThatNeverFiresIsWarnedAboutInTextJsonAndHtml() throws Exception {
        Path spec = CPU.resolve("edgecombe-merged-snp-to-private.pspec");
        Path json = dir.resolve("r.json");
        Path out = dir.resolve("report");
        StringWriter text = new StringWriter();
        int code = Main.run(new String[] {"check", "--json", json.toString(), "--out", out.toString(), spec.toString()},
                new PrintWriter(text, true), new PrintWriter(new StringWriter(), true));
        assertEquals(0, code, text.toString());
        String warning = "step 8 (set_present (to private)) never fired";
        assertTrue(text.toString().contains("  warning: " + warning), text.toString());
        JsonNode coverage = new ObjectMapper().readTree(json.toFile()).get("specs").get(0).get("coverage");
        assertTrue(coverage.get("measured").asBoolean());
        assertTrue(coverage.get("warnings").toString().contains(warning), coverage.toString());
        assertEquals(0, coverage.get("steps").get(7).get("fired").asLong(), coverage.toString());
        assertTrue(coverage.get("steps").get(0).get("fired").asLong() > 0, coverage.toString());
        String page = Files.readString(out.resolve("edgecombe-merged-snp-to-private").resolve("index.html"));
        assertTrue(page.contains("warning: " + warning), "the spec page warns");
        assertTrue(Files.readString(out.resolve("index.html")).contains("3 never fired"), "the index shows it");
    }

    /**
     * Per actor and action: the converter's operations, the reader's load and the hardware's cache fills
     * and evictions, each counted in JSON (summing to the actor's count) and HTML, and with --coverage in
     * the text, one line per actor and action within 100 columns.
     */
    @Test
    void coverageIsCountedPerActorAndAction() throws Exception {
        Path spec = CPU.resolve("kelley-seven-step-tdx-to-private.pspec");
        Path json = dir.resolve("a.json");
        Path out = dir.resolve("report");
        StringWriter text = new StringWriter();
        int code = Main.run(new String[] {"check", "--coverage", "--json", json.toString(), "--out", out.toString(),
                spec.toString()}, new PrintWriter(text, true), new PrintWriter(new StringWriter(), true));
        assertEquals(0, code, text.toString());
        JsonNode coverage = new ObjectMapper().readTree(json.toFile()).get("specs").get(0).get("coverage");
        assertTrue(coverage.get("measured").asBoolean(), coverage.toString());
        java.util.Map<String, Long> byActor = new java.util.HashMap<>();
        java.util.Set<String> actions = new java.util.HashSet<>();
        for (JsonNode a : coverage.get("actions")) {
            assertTrue(a.get("fired").asLong() > 0, a.toString());
            byActor.merge(a.get("actor").asText(), a.get("fired").asLong(), Long::sum);
            actions.add(a.get("actor").asText() + "/" + a.get("action").asText());
        }
        for (JsonNode actor : coverage.get("actors")) {
            assertEquals(actor.get("fired").asLong(), byActor.getOrDefault(actor.get("name").asText(), 0L), actor.toString());
        }
        for (String expected : new String[] {"hardware/cache fill", "hardware/TLB eviction", "hardware/write-back",
                "conv (CPU0 converter)/map_gpa", "conv (CPU0 converter)/accept", "zp (CPU1 zeropad)/load_unaligned_zeropad()"}) {
            assertTrue(actions.contains(expected), expected + " in " + actions);
        }
        assertTrue(text.toString().lines().anyMatch(l -> l.matches(" {4}hardware +cache fill +[0-9,]+")), text.toString());
        text.toString().lines().forEach(l -> assertTrue(l.length() <= 100, l));
        String page = Files.readString(out.resolve("kelley-seven-step-tdx-to-private").resolve("index.html"));
        assertTrue(page.contains("<table id=\"coverage-actions\">") && page.contains("<th>cache fill</th>"), "the spec page");
    }

    /**
     * Each worker counts on its own and the counts are summed at the end: the same figures with one thread
     * and two, and the actors' counts sum to the transitions the search made.
     */
    @Test
    void theCountsDoNotDependOnTheThreads() throws Exception {
        Path spec = CPU.getParent().getParent().resolve("bench").resolve("tdx-generic-to-shared-4cpu.pspec");
        JsonNode[] coverage = new JsonNode[2];
        for (int threads = 1; threads <= 2; threads++) {
            Path json = dir.resolve("t" + threads + ".json");
            Main.run(new String[] {"check", "--threads", String.valueOf(threads), "--json", json.toString(),
                    spec.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
            JsonNode report = new ObjectMapper().readTree(json.toFile()).get("specs").get(0);
            coverage[threads - 1] = report.get("coverage");
            long fired = 0;
            for (JsonNode actor : report.get("coverage").get("actors")) fired += actor.get("fired").asLong();
            assertEquals(report.get("stats").get("transitions").asLong(), fired, report.get("stats").toString());
        }
        assertTrue(coverage[0].get("steps").get(0).get("fired").asLong() > 0, coverage[0].toString());
        assertEquals(coverage[0], coverage[1]);
    }

    @Test
    void aSpecWhoseEveryStepFiresHasNoWarning() {
        StringWriter text = new StringWriter();
        int code = Main.run(new String[] {"check", CPU.resolve("kelley-seven-step-tdx-to-shared.pspec").toString()},
                new PrintWriter(text, true), new PrintWriter(new StringWriter(), true));
        assertEquals(0, code, text.toString());
        assertFalse(text.toString().contains("warning:"), text.toString());
    }

    /**
     * Coverage counts what the search explored: each transition once, not again when a counterexample is
     * replayed, lifted or shortened (busdma-coalescing's one violation once counted 138 for 19 transitions).
     */
    @Test
    void aCounterexamplesReplaysAreNotCounted() throws Exception {
        Path catalog = CPU.getParent();
        for (Path spec : new Path[] {catalog.resolve("busdma").resolve("busdma-coalescing.pspec"),
                CPU.resolve("tdx-to-shared-no-tlb-flush.pspec")}) {
            Path json = dir.resolve(spec.getFileName() + ".json");
            StringWriter text = new StringWriter();
            Main.run(new String[] {"check", "--json", json.toString(), spec.toString()},
                    new PrintWriter(text, true), new PrintWriter(new StringWriter(), true));
            JsonNode report = new ObjectMapper().readTree(json.toFile()).get("specs").get(0);
            assertTrue(report.get("properties").toString().contains("\"actual\":\"violated\""), "a counterexample");
            long fired = 0;
            for (JsonNode actor : report.get("coverage").get("actors")) fired += actor.get("fired").asLong();
            assertEquals(report.get("stats").get("transitions").asLong(), fired, spec.getFileName().toString());
        }
    }

    /**
     * A thread's counts are written for every transition, so they follow {@link PaddedFields}'s pattern
     * (whose layout {@code PaddedFieldsTest} checks in this JVM): the fields in a class that extends it, and
     * the counts' class declaring its padding longs and nothing else.
     */
    @Test
    void aThreadsCountsArePadded() {
        assertEquals(PaddedFields.class, EncodedCoverage.Counts.class.getSuperclass().getSuperclass());
        java.lang.reflect.Field[] own = EncodedCoverage.Counts.class.getDeclaredFields();
        assertEquals(PaddedFields.PAD_LONGS, own.length);
        for (java.lang.reflect.Field f : own) assertEquals(long.class, f.getType(), f.toString());
    }
}
