package pagestate.model.cpu;

/**
 * Where each field of a state sits in its encoded words: the bit positions {@link PageStateCodec} packs
 * the fields at, computed once per spec, with a get and a set of one field in place. The packed hot path
 * ({@link PackedEdit}, {@link PackedSuccessors}) reads and writes states through it without decoding.
 * Layout (bit 0 of word 0 first): 2 bits a PTE, 2 a TLB entry, then per page 2+2 its cache lines (private,
 * shared key), 2 its platform state, 3 its contents; per converter 8 its pc, 3 its status, 5 its last
 * outcome; per reader 1 done, 5 its outcome; the sticky events; 5 the crash (0 none, else ordinal + 1).
 */
final class StateWords {

    static final int PAGE_BITS = 9;
    static final int CONVERTER_BITS = PageStateCodec.PC_BITS + PageStateCodec.STATUS_BITS + PageStateCodec.CAUSE_BITS;
    static final int READER_BITS = 1 + PageStateCodec.CAUSE_BITS;

    final Layout layout;
    final int words;
    private final int pte;
    private final int tlb;
    private final int page;
    private final int converter;
    private final int reader;
    final int events;
    final int crash;

    StateWords(Layout layout, int converters, int readers) {
        this.layout = layout;
        this.pte = 0;
        this.tlb = pte + 2 * layout.pteCount();
        this.page = tlb + 2 * layout.tlbCount();
        this.converter = page + PAGE_BITS * layout.pages();
        this.reader = converter + CONVERTER_BITS * converters;
        this.events = reader + READER_BITS * readers;
        this.crash = events + Cause.values().length;
        this.words = Math.max(1, (crash + PageStateCodec.CAUSE_BITS + 63) / 64);
    }

    int pte(Mapping m, int p) { return pte + 2 * layout.pteIndex(m, p); }
    /** The PTE of mapping index {@code mapping} (one with a PTE: below {@link Layout#pteMappings}). */
    int pteAt(int mapping, int p) { return pte + 2 * (mapping * layout.pages() + p); }
    /** The TLB entry of mapping index {@code mapping} (not a kind). */
    int tlbAt(int cpu, int mapping, int p) { return tlb + 2 * layout.tlbIndexAt(cpu, mapping, p); }
    int tlb(int cpu, Mapping m, int p) { return tlb + 2 * layout.tlbIndex(cpu, m, p); }
    /** The first of a CPU's TLB entries (they are contiguous: mapping-major, then page). */
    int tlbRow(int cpu) { return tlb + 2 * layout.tlbIndex(cpu, Mapping.DIRECT, 0); }
    int line(int p, Attribute key) { return page + PAGE_BITS * p + (key == Attribute.PRIVATE ? 0 : 2); }
    int hv(int p) { return page + PAGE_BITS * p + 4; }
    int contents(int p) { return page + PAGE_BITS * p + 6; }
    int pc(int i) { return converter + CONVERTER_BITS * i; }
    int status(int i) { return pc(i) + PageStateCodec.PC_BITS; }
    int last(int i) { return status(i) + PageStateCodec.STATUS_BITS; }
    int readerDone(int i) { return reader + READER_BITS * i; }
    int readerOutcome(int i) { return readerDone(i) + 1; }

    /** The {@code width}-bit field (width at most 32) at bit {@code pos} of the state at {@code w[base ..]}. */
    static int get(long[] w, int base, int pos, int width) {
        int i = base + (pos >>> 6);
        int b = pos & 63;
        long v = w[i] >>> b;
        if (b + width > 64) v |= w[i + 1] << (64 - b);
        return (int) (v & ((1L << width) - 1));
    }

    /** Sets the {@code width}-bit field at bit {@code pos} of the state at {@code w[base ..]} to {@code value}. */
    static void set(long[] w, int base, int pos, int width, int value) {
        int i = base + (pos >>> 6);
        int b = pos & 63;
        long mask = (1L << width) - 1;
        long v = value & mask;
        w[i] = (w[i] & ~(mask << b)) | (v << b);
        if (b + width > 64) {
            int high = 64 - b;
            w[i + 1] = (w[i + 1] & ~(mask >>> high)) | (v >>> high);
        }
    }
}
