package pagestate.model.swiotlb;

import static pagestate.model.swiotlb.SwiotlbModel.DM_PRESENT;
import static pagestate.model.swiotlb.SwiotlbModel.DM_SHARED;
import static pagestate.model.swiotlb.SwiotlbModel.GARBAGE;
import static pagestate.model.swiotlb.SwiotlbModel.LINE_PRIVATE;
import static pagestate.model.swiotlb.SwiotlbModel.LINE_SHARED;
import static pagestate.model.swiotlb.SwiotlbModel.REMAPPED;
import static pagestate.model.swiotlb.SwiotlbModel.SLOT;
import static pagestate.model.swiotlb.SwiotlbModel.TLB0;
import static pagestate.model.swiotlb.SwiotlbModel.TLB1;
import static pagestate.model.swiotlb.SwiotlbModel.VISIBLE;

import java.util.function.BiConsumer;
import pagestate.model.Fields;
import pagestate.model.cpu.HardwareAction;

/**
 * The pool page as the CPUs see it, by the cpu system's rules (docs/model.md sections 3 and 4): each
 * CPU's TLB entry for the direct map's translation of the pool page, and the page's cache lines by key.
 * The alias above vTOM that {@code remap} makes is always shared and its PTE never changes, so no
 * translation of it can be stale: it has no TLB entry here, but its accesses use the shared key.
 */
final class PoolCpu {

    /** A TLB entry or a key: none, private (below vTOM, or C=1), shared (above vTOM, or C=0). */
    static final int NONE = 0;
    static final int PRIVATE = 1;
    static final int SHARED = 2;
    static final String[] KEYS = {"none", "private", "shared"};

    /** A cache line of one key. */
    static final int CLEAN = 1;
    static final int DIRTY = 2;
    static final String[] LINES = {"none", "clean", "dirty"};

    private final SwiotlbConfig config;
    private final int cpus;

    PoolCpu(SwiotlbConfig config) {
        this.config = config;
        this.cpus = config.reader() == null ? 1 : 2;   // CPU1 runs only the zeropad reader
    }

    static int tlbField(int cpu) {
        return cpu == 0 ? TLB0 : TLB1;
    }

    static int lineField(int key) {
        return key == PRIVATE ? LINE_PRIVATE : LINE_SHARED;
    }

    /** The key of the page's state: shared once it is host-visible. */
    static int pageKey(Fields s) {
        return s.flag(VISIBLE) ? SHARED : PRIVATE;
    }

    /** What the direct-map PTE says, or NONE when it is not present. */
    static int pteKey(Fields s) {
        return !s.flag(DM_PRESENT) ? NONE : s.flag(DM_SHARED) ? SHARED : PRIVATE;
    }

    /**
     * The translation {@code cpu} uses for the pool page through the direct map, as {@code [key, state]}:
     * its TLB entry when it has one, whatever the PTE says now (SDM Vol. 3A 4.10.2.3); else a walk of a
     * present PTE, which caches the translation; else NONE: #PF (SDM 4.10.4.3: nothing is cached from a
     * non-present PTE).
     */
    static Translation translate(Fields s, int cpu) {
        int key = s.get(tlbField(cpu));
        if (key != NONE) return new Translation(key, s);
        key = pteKey(s);
        return new Translation(key, key == NONE ? s : s.with(tlbField(cpu), key));
    }

    record Translation(int key, Fields state) { }

    /** A read through {@code key} fills a clean line with that key (docs/model.md section 4). */
    static Fields read(Fields s, int key) {
        return s.get(lineField(key)) == NONE ? s.with(lineField(key), CLEAN) : s;
    }

    /** A write through {@code key} leaves a dirty line with that key. */
    static Fields write(Fields s, int key) {
        return s.with(lineField(key), DIRTY);
    }

    /**
     * Writes back and drops the line of {@code key}. A dirty line whose key is not the page's now leaves
     * ciphertext in the slot on non-coherent caches (docs/model.md section 4; APM Vol. 2 7.10.6).
     */
    Fields writeBack(Fields s, int key) {
        if (s.get(lineField(key)) == DIRTY && key != pageKey(s) && config.caches() == Caches.NON_COHERENT) {
            s = s.with(SLOT, GARBAGE);
        }
        return s.with(lineField(key), NONE);
    }

    /** flush_tlb_kernel_range() on all CPUs (IPI): every CPU drops its entry for the pool page. */
    static Fields flushTlb(Fields s) {
        return s.with(TLB0, NONE).with(TLB1, NONE);
    }

    /**
     * CLFLUSH of the pool page through the direct map on CPU0: set_memory.c cpa_flush() skips a page
     * whose PTE is not present; CLFLUSH flushes the line of the key its translation carries.
     */
    Fields flushCache(Fields s) {
        if (!s.flag(DM_PRESENT)) return s;
        Translation t = translate(s, 0);
        return writeBack(t.state(), t.key());
    }

    /** Whether some CPU could use a translation of the pool page with {@code key} now. */
    private boolean translationExists(Fields s, int key) {
        if (key == SHARED && s.flag(REMAPPED)) return true;
        if (pteKey(s) == key) return true;
        for (int cpu = 0; cpu < cpus; cpu++) if (s.get(tlbField(cpu)) == key) return true;
        return false;
    }

    /** A present PTE, a TLB entry or the alias above vTOM whose key is not the pool page's state (docs/model.md section 6). */
    static String inconsistency(Fields s) {
        String page = s.flag(VISIBLE) ? "host-visible" : "not host-visible";
        int want = pageKey(s);
        if (pteKey(s) != NONE && pteKey(s) != want) {
            return "the direct-map PTE is present " + KEYS[pteKey(s)] + " while the pool page is " + page;
        }
        for (int c = 0; c < 2; c++) {
            int t = s.get(tlbField(c));
            if (t != NONE && t != want) return "CPU" + c + " TLB caches the pool page as " + KEYS[t] + " while it is " + page;
        }
        return s.flag(REMAPPED) && want != SHARED ? "the mapping above vTOM exists while the pool page is " + page : null;
    }

    /** On non-coherent caches, no dirty line whose key is not the pool page's state. */
    String staleLine(Fields s) {
        if (config.caches() == Caches.COHERENT) return null;
        int wrong = pageKey(s) == SHARED ? PRIVATE : SHARED;
        return s.get(lineField(wrong)) != DIRTY ? null : "the pool page is " + (s.flag(VISIBLE) ? "" : "not ")
                + "host-visible but a dirty " + KEYS[wrong] + "-key line remains; its write-back leaves ciphertext in the slot";
    }

    /** What the hardware may do at any time (docs/model.md section 4), each kind as the spec allows. */
    void hardware(Fields s, BiConsumer<String, Fields> sink) {
        for (int cpu = 0; cpu < cpus; cpu++) {
            int f = tlbField(cpu);
            if (config.hardwareOn(HardwareAction.TLB_FILL) && s.get(f) == NONE && pteKey(s) != NONE) {
                sink.accept("speculative TLB fill: CPU" + cpu + " direct map <- " + KEYS[pteKey(s)], s.with(f, pteKey(s)));
            }
            if (config.hardwareOn(HardwareAction.TLB_EVICT) && s.get(f) != NONE) {
                sink.accept("TLB eviction: CPU" + cpu + " direct map", s.with(f, NONE));
            }
        }
        for (int key = PRIVATE; key <= SHARED; key++) {
            int line = s.get(lineField(key));
            if (config.hardwareOn(HardwareAction.CACHE_FILL) && line == NONE && translationExists(s, key)) {
                sink.accept("speculative cache fill: pool page " + KEYS[key] + " key", s.with(lineField(key), CLEAN));
            }
            if (config.hardwareOn(HardwareAction.WRITEBACK) && line != NONE) {
                sink.accept((line == DIRTY ? "write-back" : "eviction") + " of the pool page's " + KEYS[key] + "-key line",
                        writeBack(s, key));
            }
        }
    }
}
