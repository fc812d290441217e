package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pagestate.specs.SpecLoader;

/**
 * Cross-checks pagestate against SPIN: every catalogue cpu spec, exported as Promela, must give SPIN the
 * same state graph (distinct states and transitions) and the same verdict for every safety property, and
 * each SPIN counterexample must replay as a pagestate path. Without spin and a C compiler the tests pass
 * but say plainly that the cross-check did not run; with CI=true or PAGESTATE_REQUIRE_SPIN=1 they fail.
 */
class SpinCrossCheckTest {

    static final Path WORK = Path.of("target", "spin-cross-check").toAbsolutePath();

    static Stream<Path> cpuSpecs() throws IOException {
        Path root = Path.of("..", "specs", "catalog", "cpu").toAbsolutePath().normalize();
        return SpecLoader.discover(root).stream();
    }

    private static boolean ready() {
        if (SpinCrossCheck.available()) return true;
        Optional<String> failure = whenMissing(System.getenv());
        failure.ifPresent(f -> fail(f));
        System.out.println("SPIN CROSS-CHECK DID NOT RUN: spin or cc not found");
        return false;
    }

    static Optional<String> whenMissing(Map<String, String> env) {
        boolean required = "true".equalsIgnoreCase(env.get("CI")) || "1".equals(env.get("PAGESTATE_REQUIRE_SPIN"));
        return required ? Optional.of("spin or cc not found, and CI=true or PAGESTATE_REQUIRE_SPIN=1 requires the SPIN"
                + " cross-check (apt-get install spin gcc)") : Optional.empty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cpuSpecs")
    void spinAgreesOnStatesTransitionsAndVerdicts(Path spec) throws Exception {
        if (!ready()) return;
        Files.createDirectories(WORK);
        SpinCrossCheck.Result r = new SpinCrossCheck(WORK).check(spec, true, UnaryOperator.identity());
        System.out.println("spin cross-check " + spec.getFileName() + ": pagestate " + r.pagestateStates() + " states, "
                + r.pagestateTransitions() + " transitions; SPIN " + r.spinStates() + ", " + r.spinTransitions()
                + "; verdicts (SPIN / pagestate) " + r.verdicts() + "; SPIN's counterexamples replayed: " + r.causes());
        assertTrue(r.agree(), spec + ": " + r.disagreements());
        assertFalse(r.verdicts().isEmpty(), "at least one safety property was compared");
    }

    /** A larger configuration: the 4-CPU, 2-page bench unreduced (442,880 states), states and transitions. */
    @Test
    void spinAgreesOnALargerConfiguration() throws Exception {
        if (!ready()) return;
        Files.createDirectories(WORK);
        Path bench = Path.of("..", "specs", "bench", "tdx-generic-to-shared-4cpu-2pages.pspec").toAbsolutePath().normalize();
        SpinCrossCheck.Result r = new SpinCrossCheck(WORK).check(bench, false, UnaryOperator.identity());
        System.out.println("spin cross-check " + bench.getFileName() + ": pagestate " + r.pagestateStates() + "/"
                + r.pagestateTransitions() + ", SPIN " + r.spinStates() + "/" + r.spinTransitions());
        assertTrue(r.agree(), r.disagreements().toString());
        assertTrue(r.pagestateStates() > 100_000, "a larger configuration: " + r.pagestateStates());
    }

    /** A deliberately broken export is caught: each mutation changes one rule of the Promela text. */
    @Test
    void aMutatedRuleIsCaught() throws Exception {
        if (!ready()) return;
        Files.createDirectories(WORK);
        Path generic = catalogue("tdx-generic-to-shared.pspec");
        Path noFlush = catalogue("tdx-to-shared-no-tlb-flush.pspec");   // reaches a TD exit
        Map<Path, List<UnaryOperator<String>>> mutations = Map.of(
                generic, List.of(
                        // the TLB flush reaches only the converter's CPU (no IPI to the others)
                        t -> replaceOnce(t, "for (i : 0 .. NCPU - 1) { for (j : 0 .. NPTEMAP - 1) { tlb[TLB(i, j, page)] = T_NONE } }",
                                "for (i : 0 .. 0) { for (j : 0 .. NPTEMAP - 1) { tlb[TLB(i, j, page)] = T_NONE } }"),
                        // a read no longer fills a cache line
                        t -> replaceOnce(t, "lines[LINE(page, key)] == L_NONE -> lines[LINE(page, key)] = L_CLEAN",
                                "lines[LINE(page, key)] == L_NONE -> skip")),
                noFlush, List.of(
                        // TDX lets a private access to a page the VMM mapped shared through
                        t -> replaceOnce(t, "hv[page] == HV_TDX_SHARED -> r = C_TD_EXIT_SHARED",
                                "hv[page] == HV_TDX_SHARED -> r = C_OK")));
        int caught = 0;
        for (Map.Entry<Path, List<UnaryOperator<String>>> e : mutations.entrySet()) {
            for (UnaryOperator<String> m : e.getValue()) {
                SpinCrossCheck.Result r = new SpinCrossCheck(WORK).check(e.getKey(), true, m);
                assertFalse(r.agree(), "a mutated export of " + e.getKey().getFileName() + " was not caught");
                System.out.println("mutation caught: " + r.disagreements());
                caught++;
            }
        }
        assertEquals(3, caught);
    }

    private static Path catalogue(String name) {
        return Path.of("..", "specs", "catalog", "cpu", name).toAbsolutePath().normalize();
    }

    private static String replaceOnce(String text, String from, String to) {
        assertTrue(text.contains(from), "the export no longer contains: " + from);
        return text.replace(from, to);
    }

    @Test
    void aMissingSpinFailsOnlyWhereTheCrossCheckIsRequired() {
        assertTrue(whenMissing(Map.of("CI", "true")).isPresent());
        assertTrue(whenMissing(Map.of("PAGESTATE_REQUIRE_SPIN", "1")).isPresent());
        assertEquals(Optional.empty(), whenMissing(Map.of()));
    }
}
