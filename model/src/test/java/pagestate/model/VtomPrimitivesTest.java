package pagestate.model;

import org.junit.jupiter.api.Test;

/** The Hyper-V host-visibility hypercall (arch/x86/hyperv/ivm.c hv_mark_gpa_visibility()). */
class VtomPrimitivesTest {

    @Test
    void hvVisibilitySharedMakesThePageHostVisible() {
        PageModel m = Build.on(Platform.VTOM).converter(0, Direction.TO_SHARED, "hv_visibility", 1).model();
        PageState s = m.initialState();
        PageState expected = Step.doneFrom(s, Cause.OK).hv(1, HvPage.VTOM_HOST_VISIBLE).contents(1, Content.GARBAGE).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void hvVisibilityPrivateMakesThePagePrivateAgain() {
        PageModel m = Build.on(Platform.VTOM).converter(0, Direction.TO_PRIVATE, "hv_visibility", 1).model();
        PageState s = m.initialState();
        PageState expected = Step.doneFrom(s, Cause.OK).hv(1, HvPage.VTOM_PRIVATE).contents(1, Content.GARBAGE).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void hvVisibilityToTheCurrentStateChangesNothing() {
        PageModel m = Build.on(Platform.VTOM).converter(0, Direction.TO_SHARED, "hv_visibility", 1).model();
        PageState s = m.initialState().edit().hv(1, HvPage.VTOM_HOST_VISIBLE).done();
        Step.assertNext(Step.doneFrom(s, Cause.OK).done(), Step.run(m, s));
    }
}
