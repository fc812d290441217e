package pagestate.model.cpu;

import static pagestate.model.cpu.StateWords.get;
import static pagestate.model.cpu.StateWords.set;

/**
 * A state's encoded words seen and changed in place through {@link StateEdit}: the packed twin of
 * {@link PageState.Editor}, so the same rules run on words without an object per successor. Also the
 * read-only view of a stored state ({@link #on}). Not thread-safe: one per worker and call.
 */
final class PackedEdit extends PackedEditFields implements StateEdit {

    private static final TlbEntry[] TLB = TlbEntry.values();
    private static final Content[] CONTENT = Content.values();
    private static final Line[] LINE = Line.values();
    private static final Cause[] CAUSE = Cause.values();
    private static final ConverterState.Status[] STATUS = ConverterState.Status.values();

    @SuppressWarnings("unused")   // after the fields: PaddedFields
    private long p0, p1, p2, p3, p4, p5, p6, p7;

    /** @param hvIndex {@link #hvIndex(HvPage[])} of {@code hvStates}, computed once per model (this runs per state) */
    PackedEdit(StateWords f, HvPage[] hvStates, int[] hvIndex) {
        super(f, hvStates, hvIndex);
    }

    /** By HvPage ordinal: its index among {@code hvStates} (a platform's states, as the encoding numbers them). */
    static int[] hvIndex(HvPage[] hvStates) {
        int[] index = new int[HvPage.values().length];
        for (int i = 0; i < hvStates.length; i++) index[hvStates[i].ordinal()] = i;
        return index;
    }

    /** Views (and edits) the state at {@code words[base ..]}. */
    PackedEdit on(long[] words, int base) {
        this.w = words;
        this.base = base;
        return this;
    }

    @Override public Layout layout() { return f.layout; }

    @Override
    public TlbEntry tlbNow(int cpu, Mapping m, int page) { return TLB[get(w, base, f.tlb(cpu, m, page), 2)]; }

    /** Like {@link #tlbNow}, as the entry's ordinal. */
    int tlbCode(int cpu, Mapping m, int page) { return get(w, base, f.tlb(cpu, m, page), 2); }

    @Override
    public Pte pteNow(Mapping m, int page) { return Pte.of(get(w, base, f.pte(m, page), 2)); }

    @Override
    public CacheLines cacheNow(int page) {
        return CacheLines.of(LINE[get(w, base, f.line(page, Attribute.PRIVATE), 2)],
                LINE[get(w, base, f.line(page, Attribute.SHARED), 2)]);
    }

    Line line(int page, Attribute key) { return LINE[get(w, base, f.line(page, key), 2)]; }

    @Override public HvPage hvNow(int page) { return hvStates[get(w, base, f.hv(page), 2)]; }

    @Override public Content contentsNow(int page) { return CONTENT[get(w, base, f.contents(page), 3)]; }

    @Override
    public PackedEdit tlb(int cpu, Mapping m, int page, TlbEntry e) {
        set(w, base, f.tlb(cpu, m, page), 2, e.ordinal());
        return this;
    }

    @Override
    public PackedEdit pte(Mapping m, int page, Pte pte) {
        set(w, base, f.pte(m, page), 2, pte.code());
        return this;
    }

    @Override
    public PackedEdit cache(int page, CacheLines lines) {
        set(w, base, f.line(page, Attribute.PRIVATE), 2, lines.privateKey().ordinal());
        set(w, base, f.line(page, Attribute.SHARED), 2, lines.sharedKey().ordinal());
        return this;
    }

    PackedEdit line(int page, Attribute key, Line line) {
        set(w, base, f.line(page, key), 2, line.ordinal());
        return this;
    }

    @Override
    public PackedEdit hv(int page, HvPage h) {
        set(w, base, f.hv(page), 2, hvIndex[h.ordinal()]);
        return this;
    }

    @Override
    public PackedEdit contents(int page, Content c) {
        set(w, base, f.contents(page), 3, c.ordinal());
        return this;
    }

    @Override
    public PackedEdit happen(Cause cause) {
        int events = get(w, base, f.events, CAUSE.length);
        set(w, base, f.events, CAUSE.length, events | 1 << cause.ordinal());
        if (cause.isFatal() && !crashed()) set(w, base, f.crash, PageStateCodec.CAUSE_BITS, cause.ordinal() + 1);
        return this;
    }

    boolean crashed() { return get(w, base, f.crash, PageStateCodec.CAUSE_BITS) != 0; }

    @Override
    public boolean crashedNow() { return crashed(); }

    boolean happened(Cause cause) { return (get(w, base, f.events, CAUSE.length) & 1 << cause.ordinal()) != 0; }

    int pc(int i) { return get(w, base, f.pc(i), PageStateCodec.PC_BITS); }

    ConverterState.Status status(int i) { return STATUS[get(w, base, f.status(i), PageStateCodec.STATUS_BITS)]; }

    @Override
    public PackedEdit converter(int i, int pc, ConverterState.Status status, Cause last) {
        set(w, base, f.pc(i), PageStateCodec.PC_BITS, pc);
        set(w, base, f.status(i), PageStateCodec.STATUS_BITS, status.ordinal());
        set(w, base, f.last(i), PageStateCodec.CAUSE_BITS, last.ordinal());
        return this;
    }

    boolean readerDone(int i) { return get(w, base, f.readerDone(i), 1) != 0; }

    /** Marks reader {@code i} done with {@code outcome}. */
    PackedEdit readerDone(int i, Cause outcome) {
        set(w, base, f.readerDone(i), 1, 1);
        set(w, base, f.readerOutcome(i), PageStateCodec.CAUSE_BITS, outcome.ordinal());
        return this;
    }
}
