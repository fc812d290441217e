package pagestate.model.cpu;

import java.util.Arrays;

/**
 * Detail of a state that no action and no property can ever tell apart, merged into one representative
 * (applied in {@link PageModel#canonical} before the CPU symmetry). Each merge is a bisimulation:
 * <ul>
 *   <li>A clean cache line and no line: only a dirty line is ever read (no_stale_dirty_line) or has an
 *       effect (a write-back with the wrong key, docs/model.md section 4); a write dirties a line whatever was there,
 *       a fill or an eviction of a clean line changes nothing else.</li>
 *   <li>A TLB entry of a page no converter touches and no entry, for a mapping with a PTE: that page's PTEs
 *       never change, so the entry always equals what a page walk would cache (SDM Vol. 3A 4.10.2.3) and an
 *       access translates the same either way; every property sees the same attribute through it. (The
 *       lazy alias has no PTE: without its entry an access through it takes #PF, so its entries stay.) (Only when the search
 *       does not saturate; otherwise the saturation below covers these entries.)</li>
 * </ul>
 *
 * <p>Saturation, when the hardware may both fill and evict TLB entries ({@link #saturates(Scenario)}): every empty entry whose PTE is present is filled with
 * what the PTE says (the canonical form is then a state the hardware reaches from s by speculative fills,
 * {@link Hardware#saturate}; a crashed guest is left as it is). This is not a bisimulation, since an entry
 * filled before a PTE changes goes stale where an empty one would not; it is sound for the checker's
 * verdicts because (1) the filled state is reachable from s by fills, so whatever it violates is real;
 * (2) a fresh entry translates exactly as the page walk of an empty one would (effectiveAttribute), so
 * every safety property that holds in the filled state holds in s (translations_consistent: the PTE is
 * checked anyway; no_stale_tlb_after_done: more entries, more violations; aliases_agree reads effective
 * attributes), and no converter's, reader's or host's enabledness depends on the TLB; (3) every successor
 * of s is, after saturation, reachable from the saturated s: by the same action, then evictions of the
 * entries that the action made stale in the filled state but that were empty in s. Step (3) needs
 * {@code tlb_evict}: without it an entry filled early can never leave, the saturated state has fewer
 * futures than s, and a violation that needs the entry empty until the PTE changes would be lost (a
 * spec with {@code hardware all except tlb_evict} and a vmalloc alias lost an aliases_agree violation). A crashed guest is not
 * saturated (nothing follows a crash); the crash reached from the saturated state covers it, with more
 * entries and so every violation it has. The IndistinguishableTest checks all this on every reachable state
 * of several scenarios: the forms of the reachable states are exactly the states the reduced search reaches
 * (but for covered crashes), and violations agree.</p>
 */
final class Indistinguishable {

    private final Layout layout;
    private final boolean[] stable;   // pages no converter touches
    private final boolean saturate;   // the hardware fills and evicts TLB entries
    private final DeadTlbEntries dead;

    Indistinguishable(Scenario scenario, Layout layout, java.util.List<ConverterProgram> programs) {
        this.layout = layout;
        this.stable = new boolean[layout.pages()];
        Arrays.fill(stable, true);
        for (Converter c : scenario.converters()) for (int p : c.pages()) stable[p] = false;
        this.saturate = saturates(scenario);
        this.dead = new DeadTlbEntries(scenario, layout, programs, saturate);
    }

    /** The TLB entries nothing reads again ({@link DeadTlbEntries}). */
    DeadTlbEntries dead() {
        return dead;
    }

    /**
     * Whether the canonical form saturates TLBs: only when the hardware may both fill an entry at any time
     * and evict one (argument (3) above turns an early fill back into an empty entry by an eviction).
     */
    static boolean saturates(Scenario scenario) {
        return scenario.hardwareOn(HardwareAction.TLB_FILL) && scenario.hardwareOn(HardwareAction.TLB_EVICT);
    }

    /** Whether no converter touches {@code page}. */
    boolean stable(int page) {
        return stable[page];
    }

    boolean saturates() {
        return saturate;
    }

    /** The merges with every property watched. */
    PageState canonical(PageState s) {
        return canonical(s, -1L);
    }

    /**
     * The merges, and the saturation, then the entries nothing reads again, given the properties still
     * {@code watched} (a mask over {@link pagestate.model.PropertyName#ordinal()}), stored as a fill leaves
     * them ({@link DeadTlbEntries}).
     */
    PageState canonical(PageState s, long watched) {
        CacheLines[] cache = null;
        for (int page = 0; page < layout.pages(); page++) {
            CacheLines lines = s.cache[page];
            if (lines.privateKey() != Line.CLEAN && lines.sharedKey() != Line.CLEAN) continue;
            if (cache == null) cache = s.cache.clone();
            cache[page] = new CacheLines(clean(lines.privateKey()), clean(lines.sharedKey()));
        }
        TlbEntry[] tlb = null;
        int row = layout.mappings() * layout.pages();   // one CPU's TLB entries
        for (Mapping m : layout.mappingList()) {
            for (int page = 0; page < layout.pages(); page++) {
                TlbEntry to;   // what the entries of this mapping and page become on every CPU
                if (saturate) {
                    // the empty entries get what a fill from the PTE caches (Hardware.fillable)
                    to = s.crashed() ? null : Hardware.fillFrom(s.pte(m, page));
                } else {
                    // a stable page's entries are merged away; not the lazy alias's, which has no PTE to walk
                    to = stable[page] && m.hasPte() ? TlbEntry.NONE : null;
                }
                if (to == null) continue;
                for (int cpu = 0, i = layout.tlbIndex(0, m, page); cpu < layout.cpus(); cpu++, i += row) {
                    TlbEntry now = s.tlb[i];
                    if (now == to || (saturate && now != TlbEntry.NONE)) continue;
                    if (tlb == null) tlb = s.tlb.clone();
                    tlb[i] = to;
                }
            }
        }
        // after a crash too (nothing moves, so only the watched properties read an entry there)
        if (saturate && dead.on()) tlb = mergeDead(s, tlb != null ? tlb : s.tlb, tlb != null, watched);
        if (cache == null && tlb == null) return s;
        return new PageState(layout, s.ptes, tlb != null ? tlb : s.tlb, cache != null ? cache : s.cache, s.hv, s.contents,
                s.converters, s.readers, s.events, s.crash);
    }

    /** {@code tlb} with every dead entry holding what a fill from its PTE caches (none without one); null if unchanged. */
    private TlbEntry[] mergeDead(PageState s, TlbEntry[] tlb, boolean copied, long watched) {
        ConverterState.Status[] status = new ConverterState.Status[s.converterCount()];
        int[] pc = new int[status.length];
        for (int x = 0; x < status.length; x++) {
            status[x] = s.converter(x).status();
            pc[x] = s.converter(x).pc();
        }
        long byProperties = dead.watchedByProperties(status, pc, watched);
        if (byProperties == -1L) return copied ? tlb : null;
        boolean[] readerDone = new boolean[s.readerCount()];
        for (int i = 0; i < readerDone.length; i++) readerDone[i] = s.reader(i).done();
        int row = layout.mappings() * layout.pages();
        TlbEntry[] fill = null;   // per entry of a row, what a fill leaves: found at the first dead entry
        boolean changed = false;
        for (int cpu = 0; cpu < layout.cpus(); cpu++) {
            long d = dead.dead(cpu, byProperties, readerDone) & LOW;
            for (; d != 0; d &= d - 1) {
                int i = Long.numberOfTrailingZeros(d) >>> 1;   // the entry's index in the row
                if (fill == null) fill = fills(s);
                int k = cpu * row + i;
                if (tlb[k] == fill[i]) continue;
                if (!copied) {
                    tlb = tlb.clone();
                    copied = true;
                }
                tlb[k] = fill[i];
                changed = true;
            }
        }
        return changed || copied ? tlb : null;
    }

    /** The low bit of every 2-bit group (an entry of a row). */
    private static final long LOW = 0x5555555555555555L;

    /** Per entry of a CPU's row (mapping-major, then page), what a fill from its PTE caches, or none. */
    private TlbEntry[] fills(PageState s) {
        TlbEntry[] fill = new TlbEntry[layout.mappings() * layout.pages()];
        for (Mapping m : layout.mappingList()) {
            for (int page = 0; page < layout.pages(); page++) {
                TlbEntry to = m.hasPte() ? Hardware.fillFrom(s.pte(m, page)) : null;
                fill[layout.tlbIndex(0, m, page)] = to == null ? TlbEntry.NONE : to;
            }
        }
        return fill;
    }

    private static Line clean(Line l) {
        return l == Line.CLEAN ? Line.NONE : l;
    }
}
