package pagestate.model.cpu;

import org.junit.jupiter.api.Test;

/** The Hyper-V host-visibility hypercall (arch/x86/hyperv/ivm.c hv_mark_gpa_visibility()). */
class VtomPrimitivesTest {

    @Test
    void hvVisibilitySharedMakesThePageHostVisible() {
        // ivm.c hv_vtom_set_host_visibility(): the page becomes host-visible; read with the other alias its bytes are garbage
        PageModel m = Build.on(Platform.VTOM).converter(0, Direction.TO_SHARED, "hv_visibility", 1).model();
        PageState s = m.initialState();
        PageState expected = Step.doneFrom(s, Cause.OK).hv(1, HvPage.VTOM_HOST_VISIBLE).contents(1, Content.GARBAGE).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void hvVisibilityPrivateMakesThePagePrivateAgain() {
        // ivm.c: the paravisor makes the page private again
        PageModel m = Build.on(Platform.VTOM).converter(0, Direction.TO_PRIVATE, "hv_visibility", 1).model();
        PageState s = m.initialState();
        PageState expected = Step.doneFrom(s, Cause.OK).hv(1, HvPage.VTOM_PRIVATE).contents(1, Content.GARBAGE).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void hvVisibilityToTheCurrentStateChangesNothing() {
        // ivm.c: visibility already as asked
        PageModel m = Build.on(Platform.VTOM).converter(0, Direction.TO_SHARED, "hv_visibility", 1).model();
        PageState s = m.initialState().edit().hv(1, HvPage.VTOM_HOST_VISIBLE).done();
        Step.assertNext(Step.doneFrom(s, Cause.OK).done(), Step.run(m, s));
    }
}
