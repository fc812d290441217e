package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pagestate.model.cpu.Attribute.PRIVATE;
import static pagestate.model.cpu.Attribute.SHARED;
import static pagestate.model.cpu.Mapping.DIRECT;
import static pagestate.model.cpu.Mapping.LAZY;
import static pagestate.model.cpu.Mapping.VMALLOC;

import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.cpu.Moves.Move;

/**
 * What the hardware may do at any time (docs/model.md section 4): speculative TLB fill, TLB eviction,
 * speculative cache fill and write-back. No converter, reader or host: every move is the hardware's.
 */
class HardwareActionsTest {

    private static PageModel model(int mappings, HardwareAction... on) {
        return Build.on(Platform.TDX).mappings(mappings).hardware(on).model();
    }

    @Test
    void noTlbFillIntoAWarmTlb() {
        // the initial state has every entry filled: a fill goes only into an empty entry
        PageModel m = model(3, HardwareAction.TLB_FILL);
        assertEquals(List.of(), Moves.of(m, m.initialState()));
    }

    @Test
    void speculativeTlbFillCachesAPresentPteIntoAnEmptyEntry() {
        // SDM Vol. 3A 4.10.2.3: a CPU may cache a translation from a present PTE at any time
        PageModel m = model(2, HardwareAction.TLB_FILL);
        PageState s = m.initialState().edit().tlb(1, VMALLOC, 1, TlbEntry.NONE).pte(VMALLOC, 1, new Pte(true, SHARED)).done();
        List<Move> ms = Moves.of(m, s);
        assertEquals(1, ms.size(), ms::toString);
        assertEquals(s.edit().tlb(1, VMALLOC, 1, TlbEntry.SHARED).done(), ms.get(0).next());
        assertEquals("hardware", ms.get(0).action().lane());
    }

    @Test
    void noTlbFillFromANotPresentPte() {
        // SDM Vol. 3A 4.10.4.3: no TLB entry is created from a non-present PTE
        PageModel m = model(2, HardwareAction.TLB_FILL);
        PageState s = m.initialState().edit().tlb(1, DIRECT, 1, TlbEntry.NONE).pte(DIRECT, 1, new Pte(false, PRIVATE)).done();
        assertEquals(List.of(), Moves.of(m, s));
    }

    @Test
    void noTlbFillOverAnExistingEntryEvenWithAnotherAttribute() {
        // an entry stays until flushed or evicted: the new PTE does not replace it
        PageModel m = model(1, HardwareAction.TLB_FILL);
        PageState s = m.initialState().edit().pte(DIRECT, 1, new Pte(true, SHARED)).done();
        assertEquals(List.of(), Moves.of(m, s));
    }

    @Test
    void noTlbFillOfTheLazyAlias() {
        // mm/vmalloc.c: the lazily freed area's PTE is gone; its entries can only linger, never come back
        PageModel m = model(3, HardwareAction.TLB_FILL);
        PageState s = m.initialState().edit().tlb(0, LAZY, 1, TlbEntry.NONE).done();
        assertEquals(List.of(), Moves.of(m, s));
    }

    @Test
    void tlbEvictionDropsOneEntryOnOneCpu() {
        // docs/model.md section 4: an entry stays until that CPU flushes it or evicts it
        PageModel m = model(3, HardwareAction.TLB_EVICT);
        PageState s = m.initialState();
        List<Move> ms = Moves.of(m, s);
        assertEquals(2 * 3 * 2, ms.size(), "one eviction per cached entry, the lazy alias's too");
        PageState.Editor e = s.edit().tlb(1, LAZY, 0, TlbEntry.NONE);
        assertTrue(ms.stream().anyMatch(mv -> mv.next().equals(e.done())), "CPU1's lazy entry for page 0 can be evicted");
        PageState noEntry = s.edit().tlb(1, LAZY, 0, TlbEntry.NONE).done();
        assertEquals(2 * 3 * 2 - 1, Moves.of(m, noEntry).size(), "nothing to evict where there is no entry");
    }

    @Test
    void speculativeCacheFillOnlyWithTheKeyOfAnExistingTranslation() {
        // docs/model.md section 4: a read through a mapping may fill a clean line with that mapping's key
        PageModel m = model(1, HardwareAction.CACHE_FILL);
        PageState s = m.initialState();
        List<Move> ms = Moves.of(m, s);
        assertEquals(2, ms.size(), "one private-key fill per page; no shared translation exists");
        for (Move mv : ms) {
            int page = mv.next().cache(0).equals(CacheLines.EMPTY) ? 1 : 0;
            assertEquals(s.edit().cache(page, new CacheLines(Line.CLEAN, Line.NONE)).done(), mv.next());
        }
    }

    @Test
    void speculativeCacheFillThroughAStaleSharedTlbEntry() {
        // CPU1 still caches page 1 as shared: a shared-key line can appear although every PTE says private
        PageModel m = model(1, HardwareAction.CACHE_FILL);
        PageState s = m.initialState().edit().tlb(1, DIRECT, 1, TlbEntry.SHARED)
                .cache(0, new CacheLines(Line.CLEAN, Line.NONE)).cache(1, new CacheLines(Line.DIRTY, Line.NONE)).done();
        List<Move> ms = Moves.of(m, s);
        assertEquals(1, ms.size(), ms::toString);
        assertEquals(s.edit().cache(1, new CacheLines(Line.DIRTY, Line.CLEAN)).done(), ms.get(0).next());
    }

    @Test
    void noCacheFillWithoutAnyTranslation() {
        // docs/model.md section 4: a line is filled only through a mapping
        PageModel m = model(1, HardwareAction.CACHE_FILL);
        PageState.Editor e = m.initialState().edit();
        for (int cpu = 0; cpu < 2; cpu++) for (int page = 0; page < 2; page++) e.tlb(cpu, DIRECT, page, TlbEntry.NONE);
        e.pte(DIRECT, 0, new Pte(false, PRIVATE)).pte(DIRECT, 1, new Pte(false, PRIVATE));
        assertEquals(List.of(), Moves.of(m, e.done()));
    }

    @Test
    void writeBackOrEvictionOfEachLine() {
        // a line may be evicted, a dirty one written back, at any time
        PageModel m = model(1, HardwareAction.WRITEBACK);
        PageState s = m.initialState().edit().cache(1, new CacheLines(Line.DIRTY, Line.CLEAN)).done();
        List<Move> ms = Moves.of(m, s);
        assertEquals(2, ms.size());
        assertTrue(ms.get(0).action().description().startsWith("write-back of the private-key line"));
        assertEquals(s.edit().cache(1, new CacheLines(Line.NONE, Line.CLEAN)).done(), ms.get(0).next());
        assertTrue(ms.get(1).action().description().startsWith("eviction of the shared-key line"));
        assertEquals(s.edit().cache(1, new CacheLines(Line.DIRTY, Line.NONE)).done(), ms.get(1).next());
    }

    @Test
    void hardwareActionsAreOffUnlessTheScenarioSwitchesThemOn() {
        // HardwareAction: each kind is switchable in a spec
        PageModel m = model(3);
        PageState s = m.initialState().edit().tlb(0, DIRECT, 0, TlbEntry.NONE).cache(0, new CacheLines(Line.DIRTY, Line.NONE)).done();
        assertEquals(List.of(), Moves.of(m, s));
    }
}
