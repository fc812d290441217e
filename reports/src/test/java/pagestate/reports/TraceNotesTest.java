package pagestate.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Step 0 and a step's notes, in the text trace and in the diagram's boxes. */
class TraceNotesTest {

    private static TraceView trace() {
        TraceStep initial = new TraceStep(0, "CPU0", "initial state", "what the counterexample involves",
                List.of("TLB direct[p1]: CPU0 private, CPU1 private"), false, null);
        TraceStep flip = new TraceStep(1, "CPU0", "conv (CPU0 converter)", "flip (to shared)",
                List.of("PTE direct[p1]: private -> shared"), false, null,
                List.of("kernel: __set_memory_enc_pgtable() in arch/x86/mm/pat/set_memory.c"));
        TraceStep read = new TraceStep(2, "CPU1", "zp (CPU1 zeropad)", "load_unaligned_zeropad()", List.of(), true,
                "td_exit_shared", List.of("translation: CPU1 translated page 1 with its TLB entry direct[p1] (private,"
                        + " since the initial state); PTE direct[p1] is shared since step 1 (flip) and no TLB flush"
                        + " ran after step 1"));
        return new TraceView(List.of("CPU0", "CPU1"), List.of(initial, flip, read), -1, "no_fatal", "TD exit", -1, -1);
    }

    @Test
    void theTextCountsStepsAfterStepZeroAndPrintsEveryNoteWithinTheWidth() {
        String text = TextTrace.render(trace());
        assertTrue(text.startsWith("Counterexample for no_fatal, 2 steps after the initial state (step 0)\n"), text);
        assertTrue(text.contains("\n 0  initial state: what the counterexample involves\n"
                + "      TLB direct[p1]: CPU0 private, CPU1 private\n"), text);
        assertTrue(text.contains("      kernel: __set_memory_enc_pgtable() in arch/x86/mm/pat/set_memory.c\n"), text);
        assertTrue(text.contains("      translation: CPU1 translated page 1 with its TLB entry direct[p1] (private,"
                + " since the initial\n          state);"), text);
        for (String line : text.split("\n")) assertTrue(line.length() <= TextTrace.WIDTH, line);
        assertEquals(2, trace().length());
    }

    @Test
    void theDiagramBoxesShowStepZeroAndTheNotes() {
        TraceView t = trace();
        assertEquals(List.of("0. initial state", "what the counterexample involves",
                "- TLB direct[p1]: CPU0 private, CPU1 private"), TraceDot.stepLines(t, t.steps().get(0)));
        assertTrue(TraceDot.stepLines(t, t.steps().get(2)).get(3).startsWith("* translation: CPU1 translated page 1"));
    }
}
