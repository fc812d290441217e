package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pagestate.model.cpu.Attribute.PRIVATE;
import static pagestate.model.cpu.Attribute.SHARED;

import org.junit.jupiter.api.Test;
import pagestate.model.cpu.Moves.Move;

/**
 * What a guest access yields on TDX (docs/model.md section 5; Documentation/arch/x86/tdx.rst;
 * arch/x86/coco/tdx/tdx.c). Page 0 is the zeropad's first page (a kernel access), page 1 its second page.
 */
class TdxAccessRulesTest {

    private static Build tdx() {
        return Build.on(Platform.TDX);
    }

    @Test
    void tdxPrivateAccessToAcceptedPageIsOk() {
        // docs/model.md section 5: private + accepted is the normal private access
        Move m = AccessProbe.load(tdx(), 1, PRIVATE, HvPage.TDX_ACCEPTED);
        assertEquals(Cause.OK, m.outcome());
    }

    @Test
    void tdxPrivateAccessToPendingPageIsTdExit() {
        // SEPT_VE_DISABLE is mandatory in Linux (tdx.c): an access to a page that is not accepted exits to the VMM
        assertEquals(Cause.TD_EXIT_PENDING, AccessProbe.load(tdx(), 1, PRIVATE, HvPage.TDX_PENDING).outcome());
        assertEquals(Cause.TD_EXIT_PENDING, AccessProbe.load(tdx(), 0, PRIVATE, HvPage.TDX_PENDING).outcome());
    }

    @Test
    void tdxPrivateAccessToSharedPageIsTdExit() {
        // docs/model.md section 5: private + shared -> TD exit, fatal, even on the zeropad's second page
        assertEquals(Cause.TD_EXIT_SHARED, AccessProbe.load(tdx(), 1, PRIVATE, HvPage.TDX_SHARED).outcome());
        assertEquals(Cause.TD_EXIT_SHARED, AccessProbe.load(tdx(), 0, PRIVATE, HvPage.TDX_SHARED).outcome());
    }

    @Test
    void tdxSharedAccessToSharedPageIsOk() {
        // docs/model.md section 5: shared + shared reads host data
        Move m = AccessProbe.load(tdx(), 1, SHARED, HvPage.TDX_SHARED);
        assertEquals(Cause.OK, m.outcome());
        assertEquals(Line.CLEAN, m.next().cache(1).sharedKey(), "the read fills a shared-key line");
    }

    @Test
    void tdxSharedAccessToPrivatePageIsRecoveredVeOnZeropadSecondPage() {
        // EPT violation on a shared GPA reflected as #VE; the zeropad fixup works with 1e7769653b06 and the
        // July 2023 fault-address fix (option ve_zeropad_fixup, on by default)
        for (HvPage hv : new HvPage[] {HvPage.TDX_ACCEPTED, HvPage.TDX_PENDING}) {
            Move m = AccessProbe.load(tdx(), 1, SHARED, hv);
            assertEquals(Cause.VE_FIXUP, m.outcome(), hv.name());
            assertFalse(m.next().crashed());
            assertTrue(Cause.VE_FIXUP.isCocoException());
            assertEquals(CacheLines.EMPTY, m.next().cache(1), "a faulting load fills no line");
        }
    }

    @Test
    void tdxSharedAccessToPrivatePageIsFatalWithoutVeZeropadFixup() {
        // before 1e7769653b06 handle_mmio() tried to emulate the page-crossing load: option ve_zeropad_fixup off
        Move m = AccessProbe.load(tdx().option(Options.Option.VE_ZEROPAD_FIXUP, "off"), 1, SHARED, HvPage.TDX_ACCEPTED);
        assertEquals(Cause.VE_UNHANDLED, m.outcome());
    }

    @Test
    void tdxSharedKernelAccessToPrivatePageIsFatalVe() {
        // the fixup covers only the zeropad's second page: a kernel access with a #VE panics
        Move m = AccessProbe.load(tdx(), 0, SHARED, HvPage.TDX_ACCEPTED);
        assertEquals(Cause.VE_UNHANDLED, m.outcome());
        assertTrue(m.next().happened(Cause.VE_UNHANDLED));
    }
}
