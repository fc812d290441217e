package pagestate.model.cpu;

import java.util.Arrays;
import java.util.Objects;

/**
 * One state of the system: the product of every PTE, TLB entry, cache line, platform page state and
 * content, and every actor's program counter and outcome (docs/model.md section 3). Immutable: change it
 * through {@link #edit()}, which copies.
 */
public final class PageState {

    final Layout layout;
    final Pte[] ptes;                 // [mapping with PTE][page]
    final TlbEntry[] tlb;             // [cpu][mapping][page]
    final CacheLines[] cache;         // [page]
    final HvPage[] hv;                // [page]
    final Content[] contents;         // [page]
    final ConverterState[] converters;
    final ReaderState[] readers;
    final int events;                 // sticky set of Cause ordinals that have happened on this path
    final Cause crash;                // the fatal outcome that ended the guest, or null

    PageState(Layout layout, Pte[] ptes, TlbEntry[] tlb, CacheLines[] cache, HvPage[] hv, Content[] contents,
              ConverterState[] converters, ReaderState[] readers, int events, Cause crash) {
        this.layout = layout;
        this.ptes = ptes;
        this.tlb = tlb;
        this.cache = cache;
        this.hv = hv;
        this.contents = contents;
        this.converters = converters;
        this.readers = readers;
        this.events = events;
        this.crash = crash;
    }

    public Layout layout() { return layout; }

    /** The PTE of {@code m} for {@code page}; the lazy alias has none (null). */
    public Pte pte(Mapping m, int page) {
        return layout.hasPte(m) ? ptes[layout.pteIndex(m, page)] : null;
    }

    public TlbEntry tlb(int cpu, Mapping m, int page) { return tlb[layout.tlbIndex(cpu, m, page)]; }
    public CacheLines cache(int page) { return cache[page]; }
    public HvPage hv(int page) { return hv[page]; }
    public Content contents(int page) { return contents[page]; }
    public ConverterState converter(int i) { return converters[i]; }
    public int converterCount() { return converters.length; }
    public ReaderState reader(int i) { return readers[i]; }
    public int readerCount() { return readers.length; }
    /** Whether {@code cause} has happened on the path to this state (sticky). */
    public boolean happened(Cause cause) { return (events & (1 << cause.ordinal())) != 0; }

    /** The sticky set of causes, as a bit set over {@link Cause#ordinal()}. */
    public int events() { return events; }

    /** The fatal outcome that ended the guest, or null while it runs. */
    public Cause crash() { return crash; }

    public boolean crashed() { return crash != null; }

    /**
     * The translation an access by {@code cpu} through {@code m} uses: the TLB entry if there is one,
     * else the PTE if present (a page walk), else null (#PF). SDM Vol. 3A 4.10.2.
     */
    public Attribute effectiveAttribute(int cpu, Mapping m, int page) {
        TlbEntry t = tlb(cpu, m, page);
        if (t != TlbEntry.NONE) return t.attribute();
        Pte pte = pte(m, page);
        return pte != null && pte.present() ? pte.attribute() : null;
    }

    public Editor edit() {
        return new Editor(this);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof PageState s)) return false;
        return layout.equals(s.layout) && Arrays.equals(ptes, s.ptes) && Arrays.equals(tlb, s.tlb)
                && Arrays.equals(cache, s.cache) && Arrays.equals(hv, s.hv) && Arrays.equals(contents, s.contents)
                && Arrays.equals(converters, s.converters) && Arrays.equals(readers, s.readers)
                && events == s.events && crash == s.crash;
    }

    private int hash;   // cached: the state is immutable (0 = not computed yet)

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(layout, Arrays.hashCode(ptes), Arrays.hashCode(tlb), Arrays.hashCode(cache),
                    Arrays.hashCode(hv), Arrays.hashCode(contents), Arrays.hashCode(converters),
                    Arrays.hashCode(readers), events, crash);
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    @Override
    public String toString() {
        return StateText.describe(this);
    }

    /** A copy being changed; {@link #done()} gives the new immutable state. Touch only what you change. */
    public static final class Editor implements StateEdit {
        private final PageState base;
        private Pte[] ptes;
        private TlbEntry[] tlb;
        private CacheLines[] cache;
        private HvPage[] hv;
        private Content[] contents;
        private ConverterState[] converters;
        private ReaderState[] readers;
        private int events;
        private Cause crash;
        private PageState built;

        private Editor(PageState base) {
            this.base = base;
            this.crash = base.crash;
            this.events = base.events;
        }

        @Override
        public Layout layout() { return base.layout; }

        public Editor pte(Mapping m, int page, Pte pte) {
            open();
            if (ptes == null) ptes = base.ptes.clone();
            ptes[base.layout.pteIndex(m, page)] = pte;
            return this;
        }

        public Editor tlb(int cpu, Mapping m, int page, TlbEntry e) {
            open();
            if (tlb == null) tlb = base.tlb.clone();
            tlb[base.layout.tlbIndex(cpu, m, page)] = e;
            return this;
        }

        public Editor cache(int page, CacheLines lines) {
            open();
            if (cache == null) cache = base.cache.clone();
            cache[page] = lines;
            return this;
        }

        public Editor hv(int page, HvPage h) {
            open();
            if (hv == null) hv = base.hv.clone();
            hv[page] = h;
            return this;
        }

        public Editor contents(int page, Content c) {
            open();
            if (contents == null) contents = base.contents.clone();
            contents[page] = c;
            return this;
        }

        @Override
        public Editor converter(int i, int pc, ConverterState.Status status, Cause last) {
            return converter(i, new ConverterState(pc, status, last));
        }

        public Editor converter(int i, ConverterState c) {
            open();
            if (converters == null) converters = base.converters.clone();
            converters[i] = c;
            return this;
        }

        public Editor reader(int i, ReaderState r) {
            open();
            if (readers == null) readers = base.readers.clone();
            readers[i] = r;
            return this;
        }

        /** Records that {@code cause} happened; a fatal cause also ends the guest. */
        public Editor happen(Cause cause) {
            open();
            events |= 1 << cause.ordinal();
            if (cause.isFatal() && crash == null) crash = cause;
            return this;
        }

        @Override
        public boolean crashedNow() { return crash != null; }

        // reads that see the edits so far
        public TlbEntry tlbNow(int cpu, Mapping m, int page) {
            return (tlb != null ? tlb : base.tlb)[base.layout.tlbIndex(cpu, m, page)];
        }

        public Pte pteNow(Mapping m, int page) {
            return (ptes != null ? ptes : base.ptes)[base.layout.pteIndex(m, page)];
        }

        public CacheLines cacheNow(int page) { return (cache != null ? cache : base.cache)[page]; }
        public HvPage hvNow(int page) { return (hv != null ? hv : base.hv)[page]; }
        public Content contentsNow(int page) { return (contents != null ? contents : base.contents)[page]; }

        /** The new state; the editor hands its copies over, so it takes no edit after this (done() again gives the same state). */
        public PageState done() {
            if (built != null) return built;
            built = new PageState(base.layout,
                    ptes != null ? ptes : base.ptes,
                    tlb != null ? tlb : base.tlb,
                    cache != null ? cache : base.cache,
                    hv != null ? hv : base.hv,
                    contents != null ? contents : base.contents,
                    converters != null ? converters : base.converters,
                    readers != null ? readers : base.readers,
                    events,
                    crash);
            return built;
        }

        private void open() {
            if (built != null) throw new IllegalStateException("this editor is done; call edit() on the new state");
        }
    }
}
