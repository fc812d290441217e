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
        ConverterProgram prog = programs.get(i);
        PageState.Editor e = s.edit();
        e.happen(Cause.HYPERCALL_FAILED);
        int next = prog.nextAlways(cs.pc());
        if (next >= 0) {
            e.converter(i, new ConverterState(next, ConverterState.Status.CLEANING_UP, Cause.HYPERCALL_FAILED));
            emit(i, () -> description.get() + "; the always steps follow", Cause.HYPERCALL_FAILED, e, sink);
            return;
        }
        Cause c = errorPath(e, i);
        emit(i, () -> description.get() + errorPathText(), c, e, sink);
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
        Cause c = steps.apply(e, conv, op.primitive(), conv.phases().get(op.phase()).target().target());
        if (c != Cause.OK) e.happen(c);
        int next = prog.nextAlways(cs.pc());
        if (next >= 0 || e.crashedNow()) {
            e.converter(i, new ConverterState(next >= 0 ? next : cs.pc(), ConverterState.Status.CLEANING_UP, c));
            emit(i, () -> op.describe(conv) + " after the failure", c, e, sink);
            return;
        }
        Cause end = errorPath(e, i);
        Cause shown = c == Cause.OK || c == Cause.HYPERCALL_FAILED ? end : c;
        emit(i, () -> op.describe(conv) + " after the failure" + errorPathText(), shown, e, sink);
    }

    /** Leaks the pages (the converter is finished) or frees them (the allocator's reuse comes next). */
    private Cause errorPath(PageState.Editor e, int i) {
        ConverterProgram prog = programs.get(i);
        if (scenario.onError() == ErrorPath.FREE) {
            e.happen(Cause.PAGE_FREED_AFTER_FAILURE);
            e.converter(i, new ConverterState(prog.reuseIndex(), ConverterState.Status.FAILED_FREED,
                    Cause.PAGE_FREED_AFTER_FAILURE));
            return Cause.PAGE_FREED_AFTER_FAILURE;
        }
        e.converter(i, new ConverterState(prog.reuseIndex() + 1, ConverterState.Status.FAILED_LEAKED, Cause.HYPERCALL_FAILED));
        return Cause.HYPERCALL_FAILED;
    }

    private String errorPathText() {
        return scenario.onError() == ErrorPath.FREE ? "; error path frees the page" : "; error path leaks the page";
    }

    private void emit(int i, Supplier<String> description, Cause c, PageState.Editor e, BiConsumer<PageAction, PageState> sink) {
        sink.accept(new PageAction(i, actorNames.get(i), "CPU" + programs.get(i).converter().cpu(), description, c), e.done());
    }
}
