package pagestate.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void summaryCountsExpectationsOnly() {
        Summary summary = FakeRuns.run().summary();
        // tdx: no_fatal met, zeropad_returns not met, one ungated; vtom: one met, one not; big: unknown
        assertEquals(new Summary(2, 2, 1), summary);
        assertEquals(5, summary.expectations());
    }

    @Test
    void metIsComputedAndChecked() {
        assertTrue(PropertyReport.of("p", Expected.HOLDS, Actual.HOLDS, null, null).met());
        assertEquals(false, PropertyReport.of("p", Expected.HOLDS, Actual.UNKNOWN, null, null).met());
        assertNull(PropertyReport.of("p", null, Actual.VIOLATED, null, null).met());
        assertThrows(IllegalArgumentException.class,
                () -> new PropertyReport("p", Expected.HOLDS, Actual.VIOLATED, true, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new PropertyReport("p", null, Actual.HOLDS, false, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> PropertyReport.of("p", null, Actual.HOLDS, FakeRuns.tdxTdExit("p"), null));
        assertThrows(IllegalArgumentException.class,
                () -> PropertyReport.of("p", null, Actual.VIOLATED, FakeRuns.tdxTdExit("q"), null));
    }

    @Test
    void builderNumbersStepsAndCollectsLanes() {
        TraceView trace = FakeRuns.livenessLasso();
        assertEquals(List.of("CPU0", "host"), trace.lanes());
        assertEquals(List.of(1, 2, 3), trace.steps().stream().map(TraceStep::number).toList());
        assertEquals(1, trace.loopStart());
        assertEquals(-1, trace.violatingIndex());
        assertEquals(5, FakeRuns.tdxTdExit().violatingIndex());
    }

    @Test
    void traceViewRejectsBadIndices() {
        TraceStep step = new TraceStep(1, "CPU0", "CPU0 converter", "flush", List.of(), false, null);
        assertThrows(IllegalArgumentException.class,
                () -> new TraceView(List.of("CPU0"), List.of(step), 1, "p", "c", -1, -1));
        assertThrows(IllegalArgumentException.class,
                () -> new TraceView(List.of("CPU0"), List.of(step), -1, "p", "c", 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new TraceView(List.of("CPU1"), List.of(step), -1, "p", "c", -1, -1));
    }

    @Test
    void statsRejectNonFiniteFigures() {
        assertThrows(IllegalArgumentException.class, () -> RunStats.of(1, 1, 1, Double.NaN, 1, "none"));
        assertEquals(0.0, RunStats.of(10, 1, 1, 0, 1, "none").statesPerSecond());
        assertEquals(20.0, RunStats.of(10, 1, 1, 0.5, 1, "none").statesPerSecond());
    }
}
