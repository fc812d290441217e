package pagestate.model.iommu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.Fields;
import pagestate.model.PropertyName;
import pagestate.model.cpu.SystemExplorer;

/** The rules of the IOMMU + SNP model, one test each, and the verdicts of docs/model.md section 8, item 6 pinned exhaustively. */
class IommuModelTest {

    static final List<GuestStep> ROUND_TRIP = List.of(GuestStep.TO_SHARED, GuestStep.POST, GuestStep.WAIT, GuestStep.TO_PRIVATE);

    static IommuModel model(IommuPolicy policy) {
        return new IommuConfig(2, policy, "vm", 1, ROUND_TRIP, "nic").newModel();
    }

    /** Runs the guest and the VMM until the page is shared and posted. */
    static Fields sharedAndPosted(IommuModel m) {
        Fields s = m.initialState();
        s = SystemExplorer.step(m, s, IommuModel.GUEST);          // PSC request to shared
        while (s.get(IommuModel.REQUEST) != IommuModel.NO_REQUEST) s = SystemExplorer.step(m, s, IommuModel.VMM);
        return SystemExplorer.step(m, s, IommuModel.GUEST);       // post
    }

    @Test
    void aFourKPscSmashesTheTwoMegRmpEntry() {   // seed 002 (Kalra: "smashed to 4K PTEs")
        Fields s = sharedAndPosted(model(IommuPolicy.MAP_ALL_2M));
        assertEquals(1, s.get(IommuModel.RMP_4K));
        assertEquals(1, s.get(IommuModel.rmpShared(1)));
        assertEquals(0, s.get(IommuModel.rmpShared(0)));
    }

    @Test
    void aTwoMegTranslationOverAFourKRmpEntryTakesAnRmpPf() {   // seed 002 (Kalra: "RMP #PF ... page size mismatch")
        IommuModel m = model(IommuPolicy.MAP_ALL_2M);
        Fields s = SystemExplorer.step(m, sharedAndPosted(m), IommuModel.DEVICE_ACTOR);
        assertEquals(IommuModel.FAILED, s.get(IommuModel.DEVICE));
        assertFalse(s.flag(IommuModel.DMA_OK));
        assertTrue(s.flag(IommuModel.IOTLB_2M), "the walk caches the 2M entry");
    }

    @Test
    void aFourKTranslationOfASharedPageSucceeds() {   // seed 002: the mismatch is the only cause
        IommuModel m = model(IommuPolicy.MAP_ALL_4K);
        Fields s = SystemExplorer.step(m, sharedAndPosted(m), IommuModel.DEVICE_ACTOR);
        assertEquals(IommuModel.DONE, s.get(IommuModel.DEVICE));
        assertTrue(s.flag(IommuModel.iotlb4k(1)));
    }

    @Test
    void dynamicMapsOnlyAfterTheRmpUpdateAndUnmapsAndInvalidatesBefore() {   // seed 002 (Lendacky, Gunthorpe)
        IommuModel m = model(IommuPolicy.DYNAMIC);
        assertEquals(List.of(IommuModel.VmmStep.RMP_SHARED, IommuModel.VmmStep.MAP_4K), m.handling(IommuModel.SHARE));
        assertEquals(List.of(IommuModel.VmmStep.UNMAP_4K, IommuModel.VmmStep.INVALIDATE, IommuModel.VmmStep.RMP_PRIVATE),
                m.handling(IommuModel.UNSHARE));
        assertEquals(List.of(IommuModel.VmmStep.UNMAP_4K, IommuModel.VmmStep.RMP_PRIVATE),
                model(IommuPolicy.DYNAMIC_NO_INVALIDATE).handling(IommuModel.UNSHARE));
        assertEquals(List.of(IommuModel.VmmStep.RMP_PRIVATE), model(IommuPolicy.MAP_ALL_2M).handling(IommuModel.UNSHARE));
    }

    @Test
    void withoutATranslationTheDmaTakesAnIoPageFault() {   // AMD IOMMU: no PTE, IO_PAGE_FAULT
        IommuModel m = new IommuConfig(2, IommuPolicy.DYNAMIC, "vm", 1, List.of(GuestStep.POST, GuestStep.WAIT), "nic").newModel();
        Fields s = SystemExplorer.step(m, SystemExplorer.step(m, m.initialState(), IommuModel.GUEST), IommuModel.DEVICE_ACTOR);
        assertEquals(IommuModel.FAILED, s.get(IommuModel.DEVICE));
    }

    @Test
    void thePscIsSynchronous() {   // GHCB: the guest resumes when the VMM has handled the request
        IommuModel m = model(IommuPolicy.DYNAMIC);
        Fields s = SystemExplorer.step(m, m.initialState(), IommuModel.GUEST);
        assertTrue(SystemExplorer.actions(m, s).stream().noneMatch(a -> a.startsWith("vm (guest)")));
    }

    @Test
    void domainMd86VerdictsAndStateCounts() {   // docs/model.md section 8, item 6
        record Row(IommuPolicy policy, int states, boolean sharedOnly, boolean size, boolean dma) { }
        for (Row r : List.of(new Row(IommuPolicy.MAP_ALL_2M, 12, false, false, false),
                new Row(IommuPolicy.MAP_ALL_4K, 12, false, true, true),
                new Row(IommuPolicy.DYNAMIC, 15, true, true, true),
                new Row(IommuPolicy.DYNAMIC_NO_INVALIDATE, 15, false, true, true))) {
            SystemExplorer e = new SystemExplorer(model(r.policy()));
            assertEquals(r.states(), e.size(), r.policy().specName());
            assertTrue(e.acyclic() && e.noDeadlocks() && e.encodingIsFaithful(), r.policy().specName());
            assertEquals(r.sharedOnly(), e.holds(PropertyName.IOMMU_MAPS_SHARED_ONLY), r.policy().specName());
            assertEquals(r.size(), e.holds(PropertyName.IOMMU_SIZE_WITHIN_RMP), r.policy().specName());
            assertEquals(r.dma(), e.holds(PropertyName.SHARED_DMA_SUCCEEDS), r.policy().specName());
        }
    }
}
