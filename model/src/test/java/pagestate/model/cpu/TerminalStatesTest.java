package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Intended dead ends (PageModel.isTerminal) and the end of exploration after a fatal outcome. */
class TerminalStatesTest {

    private final PageModel model = Build.on(Platform.TDX).converter(0, Direction.TO_SHARED, "flip flush_tlb", 1)
            .reader(1, 0).hardware(HardwareAction.values()).model();
    private final PageState init = model.initialState();
    private final int reuse = model.programs().get(0).reuseIndex();

    private PageState with(ConverterState c, boolean readerDone) {
        return init.edit().converter(0, c).reader(0, readerDone ? new ReaderState(true, Cause.OK) : ReaderState.IDLE).done();
    }

    @Test
    void initialStateIsNotTerminal() {
        assertFalse(model.isTerminal(init));
    }

    @Test
    void crashedStateIsTerminalAndHasNoSuccessor() {
        // docs/model.md section 4: a fatal outcome ends the guest
        PageState crashed = init.edit().happen(Cause.TD_EXIT_SHARED).done();
        assertTrue(crashed.crashed());
        assertTrue(model.isTerminal(crashed));
        assertEquals(List.of(), Moves.of(model, crashed));
    }

    @Test
    void everyActorFinishedIsTerminalEvenWithHardwareStillActive() {
        // hardware and host may act forever: termination is about the converters and readers
        PageState s = with(new ConverterState(2, ConverterState.Status.DONE, Cause.OK), true);
        assertTrue(model.isTerminal(s));
        assertFalse(Moves.hardware(model, s).isEmpty(), "the hardware may still act");
    }

    @Test
    void runningConverterOrPendingReaderIsNotTerminal() {
        assertFalse(model.isTerminal(with(new ConverterState(1, ConverterState.Status.RUNNING, Cause.OK), true)));
        assertFalse(model.isTerminal(with(new ConverterState(2, ConverterState.Status.DONE, Cause.OK), false)));
    }

    @Test
    void failedConversionIsTerminalOnceTheReuseIsDone() {
        // docs/model.md section 6: with the free error path the page is reused once
        assertTrue(model.isTerminal(with(new ConverterState(reuse + 1, ConverterState.Status.FAILED_LEAKED,
                Cause.HYPERCALL_FAILED), true)));
        assertFalse(model.isTerminal(with(new ConverterState(reuse, ConverterState.Status.FAILED_FREED,
                Cause.PAGE_FREED_AFTER_FAILURE), true)));
        assertTrue(model.isTerminal(with(new ConverterState(reuse + 1, ConverterState.Status.FAILED_FREED, Cause.OK), true)));
    }

    @Test
    void recoveredOrRuleEventsDoNotEndTheGuest() {
        // docs/model.md section 5: only a fatal outcome ends the guest
        PageState s = init.edit().happen(Cause.VE_FIXUP).happen(Cause.PSC_WHILE_VALIDATED).happen(Cause.SECRET_TO_HOST).done();
        assertFalse(s.crashed());
        assertFalse(model.isTerminal(s));
        assertFalse(Moves.of(model, s).isEmpty());
    }
}
