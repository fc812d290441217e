package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pagestate.model.cpu.Attribute.PRIVATE;
import static pagestate.model.cpu.Attribute.SHARED;

import org.junit.jupiter.api.Test;

/**
 * What a guest access yields under Hyper-V vTOM with a paravisor (docs/model.md section 5;
 * Documentation/virt/hyperv/coco.rst; arch/x86/hyperv/ivm.c; AMD APM Vol. 2 15.36.9 Reflect #VC).
 */
class VtomAccessRulesTest {

    @Test
    void vtomMatchingAccessesAreOk() {
        // Documentation/virt/hyperv/coco.rst: below vTOM private, above vTOM host-visible
        assertEquals(Cause.OK, AccessProbe.load(Build.on(Platform.VTOM), 1, PRIVATE, HvPage.VTOM_PRIVATE).outcome());
        assertEquals(Cause.OK, AccessProbe.load(Build.on(Platform.VTOM), 1, SHARED, HvPage.VTOM_HOST_VISIBLE).outcome());
    }

    @Test
    void vtomAnyMismatchIsFatalVcToTheParavisor() {
        // the paravisor has no way to forward a #VC: any mismatch is fatal, even on the zeropad's second page
        for (int page : new int[] {0, 1}) {
            assertEquals(Cause.VTOM_PARAVISOR,
                    AccessProbe.load(Build.on(Platform.VTOM), page, PRIVATE, HvPage.VTOM_HOST_VISIBLE).outcome());
            assertEquals(Cause.VTOM_PARAVISOR,
                    AccessProbe.load(Build.on(Platform.VTOM), page, SHARED, HvPage.VTOM_PRIVATE).outcome());
        }
        assertTrue(Cause.VTOM_PARAVISOR.isCocoException());
    }
}
