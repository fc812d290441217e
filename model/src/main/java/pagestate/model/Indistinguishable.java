package pagestate.model;

import java.util.Arrays;

/**
 * Detail of a state that no action and no property can ever tell apart, merged into one representative
 * (applied in {@link PageModel#canonical} before the CPU symmetry). Each merge is a bisimulation:
 * <ul>
 *   <li>A clean cache line and no line: only a dirty line is ever read (no_stale_dirty_line) or has an
 *       effect (a write-back with the wrong key, domain.md 4); a write dirties a line whatever was there,
 *       a fill or an eviction of a clean line changes nothing else.</li>
 *   <li>A TLB entry of a page no converter touches and no entry: that page's PTEs never change, so the
 *       entry always equals what a page walk would cache (SDM Vol. 3A 4.10.2.3) and an access translates
 *       the same either way; every property sees the same attribute through it.</li>
 * </ul>
 */
final class Indistinguishable {

    private final Layout layout;
    private final boolean[] stable;   // pages no converter touches

    Indistinguishable(Scenario scenario, Layout layout) {
        this.layout = layout;
        this.stable = new boolean[layout.pages()];
        Arrays.fill(stable, true);
        for (Converter c : scenario.converters()) for (int p : c.pages()) stable[p] = false;
    }

    PageState canonical(PageState s) {
        CacheLines[] cache = null;
        for (int page = 0; page < layout.pages(); page++) {
            CacheLines lines = s.cache[page];
            CacheLines merged = new CacheLines(clean(lines.privateKey()), clean(lines.sharedKey()));
            if (!merged.equals(lines)) {
                if (cache == null) cache = s.cache.clone();
                cache[page] = merged;
            }
        }
        TlbEntry[] tlb = null;
        for (int cpu = 0; cpu < layout.cpus(); cpu++) {
            for (Mapping m : layout.mappingList()) {
                for (int page = 0; page < layout.pages(); page++) {
                    int i = layout.tlbIndex(cpu, m, page);
                    if (!stable[page] || s.tlb[i] == TlbEntry.NONE) continue;
                    if (tlb == null) tlb = s.tlb.clone();
                    tlb[i] = TlbEntry.NONE;
                }
            }
        }
        if (cache == null && tlb == null) return s;
        return new PageState(layout, s.ptes, tlb != null ? tlb : s.tlb, cache != null ? cache : s.cache, s.hv, s.contents,
                s.converters, s.readers, s.events, s.crash);
    }

    private static Line clean(Line l) {
        return l == Line.CLEAN ? Line.NONE : l;
    }
}
