package pagestate.model.cpu;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What a converter does after one of its hypercalls failed: the always steps of the phase that follow the
 * failed one, each a step of its own ({@link Phase#always()}: the code after a cleanup label, e.g. ivm.c
 * hv_vtom_set_host_visibility() err_set_memory_p, 0f34d11234868), then its error path: leak the pages or
 * free them ({@link ErrorPath}). A failed hypercall changes nothing itself.
 */
final class FailurePath {

    private final Scenario scenario;
    private final List<ConverterProgram> programs;
    private final ConverterSteps steps;
    private final List<String> actorNames;

    FailurePath(Scenario scenario, List<ConverterProgram> programs, ConverterSteps steps, List<String> actorNames) {
        this.scenario = scenario;
        this.programs = programs;
        this.steps = steps;
        this.actorNames = actorNames;
    }

    /** The operation at {@code cs.pc()} of converter {@code i} fails: on to the always steps, or the error path. */
    void fail(PageState s, int i, ConverterState cs, Supplier<String> description, BiConsumer<PageAction, PageState> sink) {
        PageState.Editor e = s.edit();
        String kind = ActionKinds.failed(programs.get(i).ops().get(cs.pc()));
        if (applyFail(e, i, cs.pc())) {
            emit(i, kind, () -> description.get() + "; the always steps follow", Cause.HYPERCALL_FAILED, e, sink);
            return;
        }
        emit(i, kind, () -> description.get() + errorPathText(), errorPathCause(), e, sink);
    }

    /**
     * The effect of {@link #fail} (shared with the packed successors): returns whether always steps follow
     * (else the error path has been taken).
     */
    boolean applyFail(StateEdit e, int i, int pc) {
        e.happen(Cause.HYPERCALL_FAILED);
        int next = programs.get(i).nextAlways(pc);
        if (next >= 0) {
            e.converter(i, next, ConverterState.Status.CLEANING_UP, Cause.HYPERCALL_FAILED);
            return true;
        }
        errorPath(e, i);
        return false;
    }

    /**
     * The next always step of converter {@code i}, which is cleaning up after a failure. A hypercall among
     * them that fails is not failed again: the conversion has already failed, and the cleanup goes on.
     */
    void cleanUp(PageState s, int i, ConverterState cs, BiConsumer<PageAction, PageState> sink) {
        ConverterProgram prog = programs.get(i);
        Converter conv = prog.converter();
        ConverterProgram.Op op = prog.ops().get(cs.pc());
        PageState.Editor e = s.edit();
        Cause c = applyCleanUp(e, i, cs.pc());
        if (prog.nextAlways(cs.pc()) >= 0 || e.crashedNow()) {
            emit(i, ActionKinds.afterFailure(op), () -> op.describe(conv) + " after the failure", c, e, sink);
            return;
        }
        Cause shown = c == Cause.OK || c == Cause.HYPERCALL_FAILED ? errorPathCause() : c;
        emit(i, ActionKinds.afterFailure(op), () -> op.describe(conv) + " after the failure" + errorPathText(),
                shown, e, sink);
    }

    /** The effect of {@link #cleanUp} (shared with the packed successors); returns the step's outcome. */
    Cause applyCleanUp(StateEdit e, int i, int pc) {
        ConverterProgram prog = programs.get(i);
        Converter conv = prog.converter();
        ConverterProgram.Op op = prog.ops().get(pc);
        Cause c = steps.apply(e, conv, op.primitive(), op.via(), conv.phases().get(op.phase()).target().target());
        if (c != Cause.OK) e.happen(c);
        int next = prog.nextAlways(pc);
        if (next >= 0 || e.crashedNow()) {
            e.converter(i, next >= 0 ? next : pc, ConverterState.Status.CLEANING_UP, c);
            return c;
        }
        errorPath(e, i);
        return c;
    }

    /** Leaks the pages (the converter is finished) or frees them (the allocator's reuse comes next). */
    private void errorPath(StateEdit e, int i) {
        ConverterProgram prog = programs.get(i);
        if (scenario.onError() == ErrorPath.FREE) {
            e.happen(Cause.PAGE_FREED_AFTER_FAILURE);
            e.converter(i, prog.reuseIndex(), ConverterState.Status.FAILED_FREED, Cause.PAGE_FREED_AFTER_FAILURE);
            return;
        }
        e.converter(i, prog.reuseIndex() + 1, ConverterState.Status.FAILED_LEAKED, Cause.HYPERCALL_FAILED);
    }

    private Cause errorPathCause() {
        return scenario.onError() == ErrorPath.FREE ? Cause.PAGE_FREED_AFTER_FAILURE : Cause.HYPERCALL_FAILED;
    }

    private String errorPathText() {
        return scenario.onError() == ErrorPath.FREE ? "; error path frees the page" : "; error path leaks the page";
    }

    private void emit(int i, String kind, Supplier<String> description, Cause c, PageState.Editor e,
                      BiConsumer<PageAction, PageState> sink) {
        sink.accept(new PageAction(i, actorNames.get(i), "CPU" + programs.get(i).converter().cpu(), kind, description, c),
                e.done());
    }
}
