package pagestate.model.swiotlb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pagestate.model.Fields;
import pagestate.model.PropertyName;
import pagestate.model.SystemAction;
import pagestate.model.cpu.HardwareAction;
import pagestate.model.cpu.SystemExplorer;

/** The rules of the vTOM swiotlb model (seed 000, docs/model.md sections 4 and 5), and the designs' verdicts pinned. */
class SwiotlbModelTest {

    static List<SwiotlbStep> steps(String words) {
        List<SwiotlbStep> l = new ArrayList<>();
        for (String w : words.split(" ")) l.add(SwiotlbStep.bySpecName(w).orElseThrow());
        return l;
    }

    static final String DMA = " map start wait sync_for_cpu read";
    /** The v6.9 decrypt path with every TLB flush the kernel does (set_memory.c, ivm.c). */
    static final String V69 = "flush_tlb clear_present flush_tlb flip flush_tlb hv_visibility set_present flush_tlb";

    static SwiotlbModel model(Encryption e, String words, boolean reader) {
        return new SwiotlbConfig(e, "boot", steps(words), reader ? "zp" : null, "nic").newModel();
    }

    static SwiotlbModel model(String words, boolean reader, Set<HardwareAction> hardware, Caches caches) {
        return new SwiotlbConfig(Encryption.VTOM, "boot", steps(words), reader ? "zp" : null, "nic", hardware, caches).newModel();
    }

    /** The state after the hardware action whose description starts with {@code what}. */
    static Fields hardware(SwiotlbModel m, Fields s, String what) {
        List<Fields> l = new ArrayList<>();
        m.successors(s, (a, n) -> {
            if (a.actor() == SwiotlbModel.HARDWARE && a.description().startsWith(what)) l.add(n);
        });
        assertEquals(1, l.size(), what + " in " + SystemExplorer.actions(m, s));
        return l.get(0);
    }

    static List<String> hardwareMoves(SwiotlbModel m, Fields s) {
        List<String> l = new ArrayList<>();
        m.successors(s, (a, n) -> {
            if (a.actor() == SwiotlbModel.HARDWARE) l.add(a.description());
        });
        return l;
    }

    static final Set<HardwareAction> TLB_FILL = EnumSet.of(HardwareAction.TLB_FILL);

    @Test
    void aPrivateAliasAccessToAHostVisiblePageIsAFatalVc() {   // docs/model.md section 5 vTOM; 7 (no private-alias access)
        SwiotlbModel m = model(Encryption.VTOM, "hv_visibility", true);
        Fields s = SystemExplorer.step(m, m.initialState(), SwiotlbModel.GUEST);
        s = SystemExplorer.step(m, s, SwiotlbModel.READER_ACTOR);
        assertTrue(s.flag(SwiotlbModel.PRIVATE_ALIAS));
        assertEquals(SwiotlbModel.Outcome.PRIVATE_ALIAS_VC.ordinal(), s.get(SwiotlbModel.CRASH));
    }

    @Test
    void aSharedAliasAccessBeforeTheHypercallIsAFatalVc() {   // docs/model.md sections 5 (vTOM) and 8.4
        SwiotlbModel m = model(Encryption.VTOM, "flip", true);
        Fields s = SystemExplorer.step(m, SystemExplorer.step(m, m.initialState(), SwiotlbModel.GUEST), SwiotlbModel.READER_ACTOR);
        assertEquals(SwiotlbModel.Outcome.SHARED_ALIAS_VC.ordinal(), s.get(SwiotlbModel.CRASH));
    }

    @Test
    void aZeropadThroughANotPresentPteIsFixedUp() {   // docs/model.md section 5, all platforms
        SwiotlbModel m = model(Encryption.VTOM, "clear_present", true);
        Fields s = SystemExplorer.step(m, SystemExplorer.step(m, m.initialState(), SwiotlbModel.GUEST), SwiotlbModel.READER_ACTOR);
        assertEquals(0, s.get(SwiotlbModel.CRASH));
        assertEquals(SwiotlbModel.Outcome.PF_FIXUP.ordinal() + 1, s.get(SwiotlbModel.READER));
    }

    @Test
    void swiotlbCopiesThroughTheAliasAboveVtomOnceRemapped() {   // seed 000 (swiotlb_unencrypted_base)
        SwiotlbModel m = model(Encryption.VTOM, "hv_visibility remap map", false);
        Fields s = m.initialState();
        for (int i = 0; i < 3; i++) s = SystemExplorer.step(m, s, SwiotlbModel.GUEST);
        assertEquals(0, s.get(SwiotlbModel.CRASH));
        assertEquals(SwiotlbModel.DRIVER_DATA, s.get(SwiotlbModel.SLOT));
    }

    @Test
    void theDeviceSeesCiphertextOfAPageThatIsNotHostVisible() {
        SwiotlbModel m = model(Encryption.VTOM, "map start", false);
        Fields s = SystemExplorer.step(m, SystemExplorer.step(m, m.initialState(), SwiotlbModel.GUEST), SwiotlbModel.GUEST);
        s = SystemExplorer.step(m, s, SwiotlbModel.DEVICE_ACTOR);
        assertEquals(SwiotlbModel.GARBAGE + 1, s.get(SwiotlbModel.DEV_READ));
    }

    @Test
    void aTlbEntryOutlivesTheFlipUntilAFlush() {   // SDM Vol. 3A 4.10.2.3; set_memory.c cpa_flush() after the attribute change
        SwiotlbModel m = model("flip hv_visibility", true, TLB_FILL, Caches.COHERENT);
        Fields s = hardware(m, m.initialState(), "speculative TLB fill: CPU1 direct map <- private");
        s = SystemExplorer.step(m, SystemExplorer.step(m, s, SwiotlbModel.GUEST), SwiotlbModel.GUEST);
        assertEquals(PoolCpu.PRIVATE, s.get(SwiotlbModel.TLB1), "the flip leaves CPU1's entry alone");
        s = SystemExplorer.step(m, s, SwiotlbModel.READER_ACTOR);
        assertTrue(s.flag(SwiotlbModel.PRIVATE_ALIAS));
        assertEquals(SwiotlbModel.Outcome.PRIVATE_ALIAS_VC.ordinal(), s.get(SwiotlbModel.CRASH));

        SwiotlbModel flushed = model("flip flush_tlb hv_visibility", true, TLB_FILL, Caches.COHERENT);
        Fields f = hardware(flushed, flushed.initialState(), "speculative TLB fill: CPU1 direct map <- private");
        for (int i = 0; i < 3; i++) f = SystemExplorer.step(flushed, f, SwiotlbModel.GUEST);
        assertEquals(PoolCpu.NONE, f.get(SwiotlbModel.TLB1));
        f = SystemExplorer.step(flushed, f, SwiotlbModel.READER_ACTOR);
        assertEquals(0, f.get(SwiotlbModel.CRASH), "the zeropad walks the shared PTE of a host-visible page");
        assertEquals(PoolCpu.SHARED, f.get(SwiotlbModel.TLB1), "and the walk caches it");
    }

    @Test
    void noTlbFillFromANotPresentPteButAnOldEntryStillTranslates() {   // SDM Vol. 3A 4.10.4.3
        SwiotlbModel m = model("clear_present", true, TLB_FILL, Caches.COHERENT);
        Fields s = hardware(m, m.initialState(), "speculative TLB fill: CPU1");
        s = SystemExplorer.step(m, s, SwiotlbModel.GUEST);
        assertEquals(List.of("speculative TLB fill: CPU0 direct map <- private"), hardwareMoves(m, m.initialState()).subList(0, 1));
        assertEquals(List.of(), hardwareMoves(m, s), "CPU0 has no entry and the PTE is not present");
        s = SystemExplorer.step(m, s, SwiotlbModel.READER_ACTOR);
        assertEquals(SwiotlbModel.Outcome.OK.ordinal() + 1, s.get(SwiotlbModel.READER), "CPU1's entry still translates: no #PF");
    }

    @Test
    void aDirtyPrivateLineWrittenBackAfterTheHypercallLeavesCiphertextOnlyOnNonCoherentCaches() {   // docs/model.md section 4
        Set<HardwareAction> wb = EnumSet.of(HardwareAction.WRITEBACK);
        for (Caches c : Caches.values()) {
            SwiotlbModel m = model("zero hv_visibility remap map", false, wb, c);
            Fields s = m.initialState();
            for (int i = 0; i < 4; i++) s = SystemExplorer.step(m, s, SwiotlbModel.GUEST);
            assertEquals(PoolCpu.DIRTY, s.get(SwiotlbModel.LINE_PRIVATE), "memset through the private direct map");
            assertEquals(PoolCpu.DIRTY, s.get(SwiotlbModel.LINE_SHARED), "the copy through the alias above vTOM");
            assertEquals(c == Caches.COHERENT, m.property(PropertyName.NO_STALE_DIRTY_LINE).holds().test(s), c.specName());
            Fields after = hardware(m, s, "write-back of the pool page's private-key line");
            assertEquals(c == Caches.COHERENT ? SwiotlbModel.DRIVER_DATA : SwiotlbModel.GARBAGE, after.get(SwiotlbModel.SLOT), c.specName());
            assertEquals(PoolCpu.NONE, after.get(SwiotlbModel.LINE_PRIVATE));
        }
    }

    @Test
    void clflushGoesThroughThePresentDirectMapOnly() {   // set_memory.c cpa_flush(); docs/model.md section 4
        SwiotlbModel m = model("zero flush_cache", false, Set.of(), Caches.NON_COHERENT);
        Fields s = SystemExplorer.step(m, SystemExplorer.step(m, m.initialState(), SwiotlbModel.GUEST), SwiotlbModel.GUEST);
        assertEquals(PoolCpu.NONE, s.get(SwiotlbModel.LINE_PRIVATE));
        SwiotlbModel np = model("zero clear_present flush_tlb flush_cache", false, Set.of(), Caches.NON_COHERENT);
        Fields n = np.initialState();
        for (int i = 0; i < 4; i++) n = SystemExplorer.step(np, n, SwiotlbModel.GUEST);
        assertEquals(PoolCpu.DIRTY, n.get(SwiotlbModel.LINE_PRIVATE), "skipped: the PTE is not present");
    }

    @Test
    void theDevicesWriteDropsTheSharedLineButNotThePrivateOne() {   // coherent DMA; lines of the two keys are different lines
        SwiotlbModel m = model("zero hv_visibility remap map start wait", false, Set.of(), Caches.COHERENT);
        Fields s = m.initialState();
        for (int i = 0; i < 5; i++) s = SystemExplorer.step(m, s, SwiotlbModel.GUEST);
        s = SystemExplorer.step(m, SystemExplorer.step(m, s, SwiotlbModel.DEVICE_ACTOR), SwiotlbModel.DEVICE_ACTOR);
        assertEquals(PoolCpu.NONE, s.get(SwiotlbModel.LINE_SHARED));
        assertEquals(PoolCpu.DIRTY, s.get(SwiotlbModel.LINE_PRIVATE));
        assertEquals(SwiotlbModel.DEVICE_DATA, s.get(SwiotlbModel.SLOT));
    }

    @Test
    void tinyTlbAndCacheConfigurationsPinned() {   // each new rule on its own, exact counts
        record Row(String name, String words, boolean reader, Set<HardwareAction> hw, Caches c, int states, boolean fatal,
                   boolean alias, boolean consistent, boolean staleTlb, boolean staleLine) { }
        Set<HardwareAction> caches = EnumSet.of(HardwareAction.CACHE_FILL, HardwareAction.WRITEBACK);
        for (Row r : List.of(
                new Row("flip, no flush", "flip hv_visibility", true, TLB_FILL, Caches.COHERENT, 39, false, false, false, false, true),
                new Row("flip, flush", "flip flush_tlb hv_visibility", true, TLB_FILL, Caches.COHERENT, 41, false, true, false, true, true),
                new Row("np, flush", "clear_present flush_tlb flip hv_visibility set_present", true, TLB_FILL, Caches.COHERENT,
                        37, true, true, true, true, true),
                new Row("np, no flush", "clear_present flip hv_visibility set_present", true, TLB_FILL, Caches.COHERENT,
                        56, false, false, false, false, true),
                // the pool's PTE stays private below: only the lines matter (2 + 3 + 5 states by hand: pc 0, 1, 2)
                new Row("memset, no clflush", "zero hv_visibility", false, caches, Caches.NON_COHERENT, 10, true, true, false, false, false),
                new Row("memset, clflush", "zero flush_cache hv_visibility", false, caches, Caches.NON_COHERENT, 9, true, true, false, false,
                        true),
                new Row("memset, coherent", "zero hv_visibility", false, caches, Caches.COHERENT, 8, true, true, false, false, true))) {
            SystemExplorer x = new SystemExplorer(model(r.words(), r.reader(), r.hw(), r.c()));
            assertEquals(r.states(), x.size(), r.name());
            assertTrue(x.noDeadlocks() && x.encodingIsFaithful(), r.name());
            assertEquals(r.fatal(), x.holds(PropertyName.NO_FATAL), r.name());
            assertEquals(r.alias(), x.holds(PropertyName.NO_PRIVATE_ALIAS_ACCESS), r.name());
            assertEquals(r.consistent(), x.holds(PropertyName.TRANSLATIONS_CONSISTENT), r.name());
            assertEquals(r.staleTlb(), x.holds(PropertyName.NO_STALE_TLB_AFTER_DONE), r.name());
            assertEquals(r.staleLine(), x.holds(PropertyName.NO_STALE_DIRTY_LINE), r.name());
        }
    }

    @Test
    void designsVerdictsAndStateCounts() {   // docs/model.md sections 7 and 8.4/8.5 carried over to the pool; every hardware action on
        record Row(String name, Encryption e, String words, boolean reader, int states, boolean fatal, boolean alias,
                   boolean copy, boolean sync, boolean cbit, boolean consistent, boolean staleTlb) { }
        for (Row r : List.of(
                new Row("pre-v6.4 remap", Encryption.VTOM, "hv_visibility remap" + DMA, true, 416, false, false, true, true, true, false, false),
                new Row("v6.4 decrypted", Encryption.VTOM, "flush_tlb flip flush_tlb hv_visibility" + DMA, true, 460, false, true, true, true,
                        true, false, true),
                new Row("v6.4 without the flush after the flip", Encryption.VTOM, "flush_tlb flip hv_visibility" + DMA, true, 700, false,
                        false, true, true, true, false, false),
                new Row("v6.9", Encryption.VTOM, V69 + DMA, true, 580, true, true, true, true, true, true, true),
                new Row("v6.9 without flushes", Encryption.VTOM, "clear_present flip hv_visibility set_present" + DMA, true, 832, false,
                        false, true, true, true, false, false),
                new Row("start before copy", Encryption.VTOM, V69 + " start map wait sync_for_cpu read", false, 208, true, true, false,
                        false, true, true, true),
                new Row("read before sync", Encryption.VTOM, V69 + " map start wait read sync_for_cpu", false, 104, true, true, true,
                        false, true, true, true),
                new Row("sme_me_mask", Encryption.C_BIT, V69 + DMA, false, 104, true, true, true, true, false, true, true))) {
            SystemExplorer x = new SystemExplorer(model(r.e(), r.words(), r.reader()));
            assertEquals(r.states(), x.size(), r.name());
            assertTrue(x.noDeadlocks() && x.encodingIsFaithful(), r.name());
            assertEquals(r.fatal(), x.holds(PropertyName.NO_FATAL), r.name());
            assertEquals(r.alias(), x.holds(PropertyName.NO_PRIVATE_ALIAS_ACCESS), r.name());
            assertEquals(r.copy(), x.holds(PropertyName.DEVICE_READS_AFTER_COPY), r.name());
            assertEquals(r.sync(), x.holds(PropertyName.CPU_READS_AFTER_SYNC), r.name());
            assertEquals(r.cbit(), x.holds(PropertyName.C_BIT_ZERO), r.name());
            assertEquals(r.consistent(), x.holds(PropertyName.TRANSLATIONS_CONSISTENT), r.name());
            assertEquals(r.staleTlb(), x.holds(PropertyName.NO_STALE_TLB_AFTER_DONE), r.name());
            assertTrue(x.holds(PropertyName.NO_STALE_DIRTY_LINE), r.name() + ": coherent caches");
        }
    }

    @Test
    void onNonCoherentCachesTheMemsetBeforeTheDecryptNeedsAFlushCache() {   // ivm.c hv_vtom_cache_flush_required(); swiotlb.c memset
        String zeroed = "zero " + V69 + DMA;
        String flushed = "zero flush_tlb flush_cache " + V69.substring("flush_tlb ".length()) + DMA;
        record Row(String words, Caches c, int states, boolean line, boolean copy, boolean sync) { }
        for (Row r : List.of(new Row(zeroed, Caches.NON_COHERENT, 233, false, false, false),
                new Row(flushed, Caches.NON_COHERENT, 116, true, true, true),
                new Row(zeroed, Caches.COHERENT, 160, true, true, true))) {
            SystemExplorer x = new SystemExplorer(model(r.words(), false, EnumSet.allOf(HardwareAction.class), r.c()));
            String name = r.words() + " " + r.c().specName();
            assertEquals(r.states(), x.size(), name);
            assertTrue(x.noDeadlocks() && x.encodingIsFaithful(), name);
            assertEquals(r.line(), x.holds(PropertyName.NO_STALE_DIRTY_LINE), name);
            assertEquals(r.copy(), x.holds(PropertyName.DEVICE_READS_AFTER_COPY), name);
            assertEquals(r.sync(), x.holds(PropertyName.CPU_READS_AFTER_SYNC), name);
            assertTrue(x.holds(PropertyName.NO_FATAL), name);
        }
    }
}
