package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pagestate.model.cpu.Mapping.DIRECT;
import static pagestate.model.cpu.Mapping.LAZY;
import static pagestate.model.cpu.Mapping.VMALLOC;

import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.PropertyName;

/**
 * Accesses through a chosen mapping (docs/model.md sections 3 and 5): a spec's mappings are any subset with
 * the direct map, indexed in order; a zeropad through the lazy alias strays into it from a live neighbour and
 * meets the same platform rules as through the direct map; after vm_unmap_aliases() it takes the #PF fixup.
 */
class AliasAccessTest {

    @Test
    void aLayoutNumbersTheChosenMappingsInOrder() {
        Layout l = new Layout(2, List.of(DIRECT, LAZY), 3);
        assertEquals(2, l.mappings());
        assertEquals(1, l.pteMappings());
        assertEquals(LAZY, l.kind(1));
        assertEquals(1, l.indexOf(LAZY));
        assertEquals(-1, l.indexOf(VMALLOC));
        assertFalse(l.hasPte(VMALLOC));
        assertEquals((1 * 2 + 1) * 3 + 2, l.tlbIndex(1, LAZY, 2));
        assertThrows(IllegalArgumentException.class, () -> l.tlbIndex(0, VMALLOC, 0), "no such mapping");
        assertThrows(IllegalArgumentException.class, () -> new Layout(1, List.of(LAZY, DIRECT), 1), "in order");
        assertThrows(IllegalArgumentException.class, () -> new Layout(1, List.of(VMALLOC), 1), "the direct map first");
        assertEquals(new Layout(2, 2, 2), new Layout(2, List.of(DIRECT, VMALLOC), 2), "mappings N is the first N");
    }

    @Test
    void aScenarioRefusesAnAccessThroughAMappingItDoesNotHave() {
        assertThrows(IllegalArgumentException.class, () -> Build.on(Platform.TDX).mappings(DIRECT, VMALLOC)
                .converter(0, Direction.TO_SHARED, "flip", 1).reader(1, 0, LAZY).scenario());
        assertThrows(IllegalArgumentException.class, () -> Build.on(Platform.TDX).mappings(DIRECT, LAZY)
                .owner(0, Direction.TO_SHARED, "flip", LAZY, 1).scenario(), "the owner uses a live mapping");
    }

    /** The zeropad's move from a state where page 1 is {@code hv} and CPU1's lazy entry for it says private. */
    private static Moves.Move strayThroughLazy(Platform p, HvPage hv) {
        PageModel m = Build.on(p).mappings(DIRECT, LAZY).converter(0, Direction.TO_SHARED, "flip", 1)
                .reader(1, 0, LAZY).model();
        PageState s = m.initialState().edit().hv(1, hv).done();
        assertEquals(TlbEntry.PRIVATE, s.tlb(1, LAZY, 1), "the lazy alias's entries linger from the start");
        return Moves.only(m, s, 1);
    }

    @Test
    void theLingeringPrivateEntryMeetsEachPlatformsRules() {
        // TDX: a private access to a page the VMM mapped shared is a TD exit (tdx.c, SEPT_VE_DISABLE)
        assertEquals(Cause.TD_EXIT_SHARED, strayThroughLazy(Platform.TDX, HvPage.TDX_SHARED).outcome());
        // vTOM: the private alias of a host-visible page: #VC to the paravisor
        assertEquals(Cause.VTOM_PARAVISOR, strayThroughLazy(Platform.VTOM, HvPage.VTOM_HOST_VISIBLE).outcome());
        // SNP, per the RMP: C=1 to an unvalidated page is #VC page-not-validated, to a hypervisor page an NPF
        assertEquals(Cause.VC_NOT_VALIDATED, strayThroughLazy(Platform.SNP, HvPage.SNP_UNVALIDATED).outcome());
        assertEquals(Cause.NPF_RMP_PRIVATE, strayThroughLazy(Platform.SNP, HvPage.SNP_HV_OWNED).outcome());
        // and where the attribute agrees, nothing happens
        assertEquals(Cause.OK, strayThroughLazy(Platform.TDX, HvPage.TDX_ACCEPTED).outcome());
    }

    @Test
    void afterUnmapAliasesTheStrayPartTakesThePfFixupAndThePageItStartsInIsReadThroughTheDirectMap() {
        PageModel m = Build.on(Platform.TDX).mappings(DIRECT, LAZY).converter(0, Direction.TO_SHARED, "unmap_aliases", 1)
                .reader(1, 0, LAZY).model();
        PageState s = Moves.converter(m, m.initialState(), 0).next();
        assertEquals(TlbEntry.NONE, s.tlb(1, LAZY, 0));
        assertEquals(TlbEntry.NONE, s.tlb(1, LAZY, 1));
        Moves.Move zp = Moves.only(m, s, 1);
        assertEquals(Cause.PF_FIXUP, zp.outcome());
        assertFalse(zp.next().crashed());
    }

    @Test
    void throughTheVmallocAliasBothPagesAreReadThroughIt() {
        PageModel m = Build.on(Platform.TDX).mappings(DIRECT, VMALLOC).converter(0, Direction.TO_SHARED, "flip", 1)
                .reader(1, 0, VMALLOC).model();
        // the vmalloc alias of page 1 has a stale shared entry on CPU1; the direct map is still private
        PageState s = m.initialState().edit().tlb(1, VMALLOC, 1, TlbEntry.SHARED).done();
        Moves.Move zp = Moves.only(m, s, 1);
        assertEquals(Cause.VE_FIXUP, zp.outcome(), "shared access to a private page on the second page: #VE fixup");
        PageState d = m.initialState().edit().tlb(1, VMALLOC, 0, TlbEntry.SHARED).done();
        assertEquals(Cause.VE_UNHANDLED, Moves.only(m, d, 1).outcome(), "on the first page no fixup applies");
    }

    @Test
    void theOwnerWritesThroughItsMapping() {
        PageModel m = Build.on(Platform.TDX).mappings(DIRECT, VMALLOC).owner(0, Direction.TO_SHARED, "flip", VMALLOC, 1)
                .model();
        PageState s = m.initialState().edit().tlb(0, VMALLOC, 1, TlbEntry.SHARED).done();
        // the owner's first write (its secret, before the conversion) uses the stale shared vmalloc entry
        assertEquals(Cause.VE_UNHANDLED, Moves.converter(m, s, 0).outcome());
        assertEquals(Cause.OK, Moves.converter(m, m.initialState().edit().tlb(0, DIRECT, 1, TlbEntry.SHARED).done(), 0)
                .outcome(), "the direct map's entry is not used");
    }

    @Test
    void readersOfTheSamePageThroughDifferentMappingsAreNotInterchangeable() {
        Scenario same = Build.on(Platform.TDX).cpus(3).mappings(DIRECT, LAZY).converter(0, Direction.TO_SHARED, "flip", 1)
                .reader(1, 0, LAZY).reader(2, 0, LAZY).scenario();
        Scenario different = Build.on(Platform.TDX).cpus(3).mappings(DIRECT, LAZY).converter(0, Direction.TO_SHARED, "flip", 1)
                .reader(1, 0, LAZY).reader(2, 0, DIRECT).scenario();
        assertEquals(1, new CpuSymmetry(same, new Layout(3, same.mappings(), 2)).classes().length);
        assertEquals(0, new CpuSymmetry(different, new Layout(3, different.mappings(), 2)).classes().length);
    }

    /** The lazy-alias hazard on TDX, explored in full (NaiveExplorer): with and without vm_unmap_aliases(). */
    @Test
    void theHazardIsReachableExactlyWithoutUnmapAliases() {
        String generic = "unmap_aliases flush_tlb flush_cache flip flush_tlb map_gpa";
        for (boolean unmap : new boolean[] {true, false}) {
            Scenario sc = Build.on(Platform.TDX).mappings(DIRECT, LAZY)
                    .converter(0, Direction.TO_SHARED, unmap ? generic : generic.replace("unmap_aliases ", ""), 1)
                    .reader(1, 0, LAZY).hardware(HardwareAction.values()).scenario();
            NaiveExplorer x = new NaiveExplorer(sc);
            assertEquals(!unmap, x.firstViolation.containsKey(PropertyName.NO_FATAL), "no_fatal, unmap " + unmap);
            assertEquals(!unmap, x.firstViolation.containsKey(PropertyName.ALIASES_AGREE), "aliases_agree, unmap " + unmap);
            if (!unmap) assertEquals(Cause.TD_EXIT_SHARED, x.firstViolation.get(PropertyName.NO_FATAL).crash());
            assertTrue(x.states() > 0);
        }
    }
}
