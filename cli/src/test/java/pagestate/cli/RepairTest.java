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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagestate.checker.CheckerConfig;
import pagestate.model.cpu.Primitive;
import pagestate.reports.Actual;
import pagestate.reports.PropertyReport;
import pagestate.reports.SpecReport;
import pagestate.specs.Spec;
import pagestate.specs.SpecLoader;
import pagestate.specs.SpecResult;

/** The contracts of {@code repair}, and of ablate's conclusions when the original already violates a property. */
class RepairTest {

    /** Issue 19's spec: TDX private -> shared, the cache flushed first, no TLB flush (fatal). */
    static final String ISSUE = "tdx-flush-cache-first-no-flush-tlb.pspec";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** The issue's spec, copied into the test's folder (variants extend it by a relative path). */
    private Path issueSpec() throws Exception {
        Path p = dir.resolve(ISSUE);
        Files.copy(Path.of(getClass().getResource("/repair/" + ISSUE).toURI()), p, StandardCopyOption.REPLACE_EXISTING);
        return p;
    }

    private static Spec load(Path file, String text) {
        SpecResult r = SpecLoader.parse(file, text);
        assertTrue(r instanceof SpecResult.Loaded, () -> r.errors().toString() + "\n" + text);
        return ((SpecResult.Loaded) r).spec();
    }

    private static SpecReport check(Spec spec) {
        SpecRun<?, ?> run = SpecRun.run(spec, CheckerConfig.defaults());
        return ReportBuilder.build(run, "symmetry+por");
    }

    @Test
    void repairProposesAFlushTlbAfterFlipAndItsFullExplorationHolds() throws Exception {
        Path spec = issueSpec();
        Path json = dir.resolve("r.json");
        Run r = run("repair", spec.toString(), "--json", json.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("insert flush_tlb after flip (before map_gpa)"), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 100), r.out());
        assertTrue(r.out().contains("\n    + flush_tlb\n"), r.out());
        // every fix repairs with one inserted flush_tlb, placed after clear_present or after flip
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, doc.get("searched_depth").asInt());
        assertTrue(doc.get("fixes").size() >= 1, doc.toString());
        boolean afterFlip = false;
        for (JsonNode fix : doc.get("fixes")) {
            assertEquals(1, fix.get("edits").size(), fix.toString());
            assertTrue(fix.get("edits").get(0).asText().startsWith("insert flush_tlb"), fix.toString());
            afterFlip |= fix.get("edits").get(0).asText().startsWith("insert flush_tlb after flip");
            // the printed edit block, in a variant that extends the spec, is the fix; its exploration,
            // by the normal checker, meets the goal: every property the spec checks holds
            StringBuilder variant = new StringBuilder("spec fixed\ndescription \"the fix\"\nextends \"" + ISSUE + "\"\n");
            for (JsonNode line : fix.get("spec_edit")) variant.append(line.asText()).append('\n');
            Spec fixed = load(dir.resolve("fixed.pspec"), variant.toString());
            List<String> steps = new ArrayList<>();
            fix.get("steps").get("conv to shared").forEach(s -> steps.add(s.asText()));
            assertEquals(steps, fixed.scenario().converters().get(0).phases().get(0).steps().stream()
                    .map(Primitive::specName).toList());
            SpecReport report = check(fixed);
            assertTrue(report.complete());
            for (PropertyReport p : report.properties()) assertEquals(Actual.HOLDS, p.actual(), p.name() + ": " + p.outcome());
            assertTrue(ConversionWitness.exists(fixed, CheckerConfig.defaults()) == ConversionWitness.Answer.YES);
        }
        assertTrue(afterFlip, doc.toString());
    }

    /** The issue's spec judged only by no_fatal and no_stale_dirty_line, with the cache flushed after clear_present too. */
    private Path twoMistakes() throws Exception {
        String text = Files.readString(issueSpec())
                .replace("    flush_cache\n    clear_present\n", "    clear_present\n    flush_cache\n")
                .replace("check all", "check no_fatal no_stale_dirty_line")
                .replace("spec tdx-flush-cache-first-no-flush-tlb", "spec two-mistakes");
        Path p = dir.resolve("two.pspec");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void saysThatNoFixExistsWithinOneEdit() throws Exception {
        Path json = dir.resolve("r.json");
        Run r = run("repair", twoMistakes().toString(), "--depth", "1", "--json", json.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("No fix within 1 edit: every candidate misses the goal."), r.out());
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(0, doc.get("fixes").size());
        assertEquals(1, doc.get("searched_depth").asInt());
        assertTrue(doc.get("candidates_per_depth").get(0).asInt() > 40, doc.toString());
    }

    @Test
    void screeningAgreesWithTheFullExplorationOnEveryCandidateOneEditAway() throws Exception {
        Spec spec = load(twoMistakes(), Files.readString(twoMistakes()));
        RepairGoal goal = RepairGoal.of(spec, false);
        RepairCandidate root = RepairCandidate.original(spec.scenario());
        Set<List<List<Primitive>>> seen = new LinkedHashSet<>();
        int met = 0;
        int unmet = 0;
        for (RepairCandidate c : root.next(spec.scenario(), StepEdit.vocabulary(spec.scenario().platform()))) {
            if (!seen.add(c.lists())) continue;
            Spec variant = c.apply(spec);
            Screening.Result screened = Screening.screen(variant, goal, CheckerConfig.defaults());
            SpecReport full = check(variant);
            assertEquals(goal.met(full), screened.status() == Screening.Status.MET, c.words() + ": " + screened);
            if (goal.met(full)) met++;
            else unmet++;
        }
        // the comparison saw both answers: vacuous "fixes" (an accept that fails) and real misses
        assertTrue(met > 0 && unmet > 0, met + " met, " + unmet + " unmet");
    }

    @Test
    void everyEditIsWrittenAsSpecOperationsThatMakeTheSameSteps() throws Exception {
        Path spec = issueSpec();
        Spec original = load(spec, Files.readString(spec));
        RepairCandidate root = RepairCandidate.original(original.scenario());
        Set<Primitive> vocabulary = StepEdit.vocabulary(original.scenario().platform());
        RepairReport report = new RepairReport(original, RepairGoal.of(original, false), null, 2);
        int checked = 0;
        for (RepairCandidate one : root.next(original.scenario(), vocabulary)) {
            List<RepairCandidate> all = new ArrayList<>(List.of(one));
            if (checked % 7 == 0) all.addAll(one.next(original.scenario(), vocabulary));
            for (RepairCandidate c : all) {
                String text = "spec v\ndescription \"v\"\nextends \"" + ISSUE + "\"\n" + String.join("\n", report.editBlock(c)) + "\n";
                Spec v = load(dir.resolve("v.pspec"), text);
                assertEquals(c.lists().get(0), v.scenario().converters().get(0).phases().get(0).steps(), c.words() + "\n" + text);
                checked++;
            }
        }
        assertTrue(checked > 500, "checked " + checked);
    }

    @Test
    void withExpectedTheGoalIsTheSpecsExpectations() throws Exception {
        Path spec = issueSpec();
        Run met = run("repair", spec.toString(), "--expected");
        assertEquals(0, met.code(), met.out() + met.err());
        assertTrue(met.out().contains("The original already meets the goal: nothing to repair."), met.out());
        Path holds = dir.resolve("holds.pspec");
        Files.writeString(holds, Files.readString(spec).replace("expect no_fatal violated", "expect no_fatal holds"));
        Run fixed = run("repair", holds.toString(), "--expected", "--depth", "1");
        assertEquals(0, fixed.code(), fixed.out() + fixed.err());
        assertTrue(fixed.out().contains("Goal: every expectation met: no_fatal holds"), fixed.out());
        assertTrue(fixed.out().contains("insert flush_tlb after flip"), fixed.out());
    }

    @Test
    void aLimitMakesTheSearchIncompleteAndExitThree() throws Exception {
        Run r = run("repair", twoMistakes().toString(), "--max-states", "5");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("incomplete"), r.err());
        assertTrue(r.out().contains("Incomplete"), r.out());
    }

    @Test
    void helpDocumentsRepairAndBadUsageExitsTwo() {
        Run help = run("repair", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Search for the smallest edits"), help.out());
        assertTrue(help.out().contains("--expected") && help.out().contains("--max-seconds"), help.out());
        assertEquals(2, run("repair", "no-such.pspec").code());
        assertEquals(2, run("repair", "x.pspec", "--depth", "3").code());
    }

    @Test
    void ablateDrawsNoConclusionFromAPropertyTheOriginalAlreadyViolates() throws Exception {
        Path spec = issueSpec();
        // judged by its one expectation, no_fatal violated: nothing is redundant, safe or free
        Run r = run("ablate", spec.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("The original already violates no_fatal (as the spec expects)"), r.out());
        assertFalse(r.out().contains("is redundant"), r.out());
        assertFalse(r.out().contains("either order"), r.out());
        assertFalse(r.out().contains("merge is safe"), r.out());
        assertFalse(r.out().contains("may also go"), r.out());
        // with properties it keeps too, the conclusions rest on those only, and say so
        Run kept = run("ablate", spec.toString(), "--property", "no_fatal", "--property", "no_coco_exception");
        assertEquals(0, kept.code(), kept.err());
        assertTrue(kept.out().contains("conclusions rest only on what it keeps: no_coco_exception"), kept.out());
        List<String> redundant = kept.out().lines().filter(l -> l.contains("is redundant")).toList();
        assertFalse(redundant.isEmpty(), kept.out());
        for (String line : redundant) assertTrue(line.endsWith("(keeps no_coco_exception holding)"), line);
    }
}
