package pagestate.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTraceTest {

    @Test
    void marksTheViolatingStepWithPropertyAndCause() {
        String text = TextTrace.render(FakeRuns.tdxTdExit());
        assertTrue(text.contains(">6  CPU1 zeropad: load_unaligned_zeropad page 0 -> page 1"), text);
        assertTrue(text.contains("outcome: TD exit (private access to a shared page): fatal"), text);
        String joined = text.replaceAll("\n +", " ");
        assertTrue(joined.contains("^^ VIOLATES no_fatal: CPU1 zeropad reads page 1 through a stale TLB entry"
                + " (private) while the page is shared: TD exit"), text);
        assertTrue(text.contains("     PTE direct[p1]: private -> shared"), text);
        assertTrue(text.contains("Window: a reader could reach the bad state during steps 4 to 6."), text);
        int opens = text.indexOf(TextTrace.WINDOW_OPENS);
        assertTrue(opens > text.indexOf(" 3  CPU0") && opens < text.indexOf(" 4  CPU0"), text);
    }

    @Test
    void marksTheStartOfALassoCycle() {
        String text = TextTrace.render(FakeRuns.livenessLasso());
        int mark = text.indexOf(TextTrace.CYCLE_MARK);
        assertTrue(mark > text.indexOf(" 1  CPU0") && mark < text.indexOf(" 2  CPU0"), text);
        assertTrue(text.contains("-- back to step 2 --"), text);
        assertTrue(text.startsWith("Lasso counterexample for conversion_completes, 3 steps"), text);
    }

    @Test
    void noLineIsWiderThanOneHundredColumns() {
        String longWord = "x".repeat(250);
        TraceView trace = TraceView.builder("no_fatal", "cause " + "very long words ".repeat(20))
                .violating("CPU0", "CPU0 " + longWord, "action " + "and more ".repeat(30),
                        List.of("change " + longWord), "outcome " + "z ".repeat(80))
                .build();
        String text = TextTrace.render(PropertyReport.of("no_fatal", Expected.HOLDS, Actual.VIOLATED, trace, null));
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= TextTrace.WIDTH, line.length() + ": " + line);
        }
        String joined = text.replaceAll("\n +", "");
        assertTrue(joined.contains("change" + longWord) || joined.contains("change " + longWord),
                "a word longer than a line is cut, not lost: " + text);
    }

    @Test
    void verdictLineSaysWhetherTheExpectationWasMet() {
        assertEquals("no_fatal: violated (expected holds: NOT MET)", TextTrace.verdictLine(
                PropertyReport.of("no_fatal", Expected.HOLDS, Actual.VIOLATED, null, null)));
        assertEquals("p: unknown (expected holds: INCOMPLETE)", TextTrace.verdictLine(
                PropertyReport.of("p", Expected.HOLDS, Actual.UNKNOWN, null, null)));
        assertEquals("p: holds (no expectation)", TextTrace.verdictLine(
                PropertyReport.of("p", null, Actual.HOLDS, null, null)));
    }
}
