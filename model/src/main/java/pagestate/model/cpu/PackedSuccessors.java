package pagestate.model.cpu;

import java.util.List;
import pagestate.model.SystemModel;

/**
 * The successors of an encoded state, encoded: the checker's hot path. It enumerates the enabled actions
 * exactly as {@link PageModel#successors} does, in the same order, and applies each action's effect with
 * the same rules ({@link Accesses}, {@link ConverterSteps}, through {@link PackedEdit}) to a copy of the
 * parent's words, with no object per successor. {@link PageModel#successors} stays the reference; the
 * PackedSuccessorsTest compares the two, action by action, on random reachable states of random specs.
 * Thread-safe: each thread has its own call scratch ({@link SuccessorCall}).
 */
final class PackedSuccessors {

    private static final Attribute[] ATTRIBUTES = Attribute.values();   // values() copies: once, not per state

    private final Scenario scenario;
    private final Layout layout;
    private final List<ConverterProgram> programs;
    private final Accesses accesses;
    private final ConverterSteps steps;
    private final StateWords f;
    private final HvPage[] hvStates;
    private final int[] hvIndex;
    private final PackedReductions reductions;
    private final ActionKinds kinds;
    private final FailurePath failures;
    private final int words;
    private final boolean tlbFill;
    private final boolean tlbEvict;
    private final boolean cacheFill;
    private final boolean writeBack;
    private final int hardwareActor;
    /** Where each CPU's TLB row starts, its width, and the width of the PTEs (bit 0 on): for the cache fills. */
    private final int[] rowAt;
    private final int rowBits;
    private final int pteBits;
    /** By page: the low bits of its entries in a TLB row (every mapping). */
    private final long[] column;
    private static final long LOW = 0x5555555555555555L;

    PackedSuccessors(Scenario scenario, Layout layout, List<ConverterProgram> programs, Accesses accesses,
                     ConverterSteps steps, FailurePath failures, StateWords f, PackedReductions reductions,
                     ActionKinds kinds) {
        this.scenario = scenario;
        this.layout = layout;
        this.programs = programs;
        this.accesses = accesses;
        this.steps = steps;
        this.f = f;
        this.hvStates = HvPage.of(scenario.platform());
        this.hvIndex = PackedEdit.hvIndex(hvStates);
        this.reductions = reductions;
        this.kinds = kinds;
        this.failures = failures;
        this.words = f.words;
        this.tlbFill = scenario.hardwareOn(HardwareAction.TLB_FILL);
        this.tlbEvict = scenario.hardwareOn(HardwareAction.TLB_EVICT);
        this.cacheFill = scenario.hardwareOn(HardwareAction.CACHE_FILL);
        this.writeBack = scenario.hardwareOn(HardwareAction.WRITEBACK);
        this.hardwareActor = programs.size() + scenario.readers().size() + scenario.hosts().size();
        this.rowBits = 2 * layout.mappings() * layout.pages();
        this.pteBits = 2 * layout.pteMappings() * layout.pages();
        if (rowBits > 32) throw new IllegalArgumentException("a CPU's TLB row exceeds 32 bits: " + layout);
        this.rowAt = new int[layout.cpus()];
        for (int cpu = 0; cpu < layout.cpus(); cpu++) rowAt[cpu] = rowBits == 0 ? 0 : f.tlbRow(cpu);
        this.column = new long[layout.pages()];
        for (int page = 0; page < layout.pages(); page++) {
            for (int mi = 0; mi < layout.mappings(); mi++) column[page] |= 1L << 2 * (mi * layout.pages() + page);
        }
    }

    /** Reports every successor of the state at {@code state[offset ..]}, as {@link PageModel#successors} does. */
    void successors(long[] state, int offset, boolean canonical, SystemModel.EncodedSink sink) {
        successors(state, offset, canonical, -1L, sink);
    }

    /** As {@link #successors(long[], int, boolean, SystemModel.EncodedSink)}, the canonical form given the properties still {@code watched}. */
    void successors(long[] state, int offset, boolean canonical, long watched, SystemModel.EncodedSink sink) {
        SuccessorCall call = calls.get();
        if (call.busy) call = newCall();
        call.reset(state, offset, canonical, watched, sink);
        try {
            if (call.parent.crashed()) return;
            for (int i = 0; i < programs.size(); i++) converter(call, i);
            for (int i = 0; i < scenario.readers().size(); i++) reader(call, i);
            for (int i = 0; i < scenario.hosts().size(); i++) host(call, i);
            hardware(call);
        } finally {
            call.release();
        }
    }

    /** Each thread's call scratch, reused from state to state. */
    private final ThreadLocal<SuccessorCall> calls = ThreadLocal.withInitial(this::newCall);

    private SuccessorCall newCall() {
        return new SuccessorCall(f, hvStates, hvIndex, reductions, words, hardwareActor);
    }

    private void converter(SuccessorCall call, int i) {
        ConverterProgram prog = programs.get(i);
        Converter conv = prog.converter();
        PackedEdit s = call.parent;
        int pc = s.pc(i);
        ConverterState.Status status = s.status(i);
        if (status == ConverterState.Status.FAILED_FREED && pc == prog.reuseIndex()) {
            PackedEdit e = call.begin();
            Cause c = Cause.OK;
            for (int page : conv.pages()) c = Cause.worse(c, accesses.write(e, conv.cpu(), Mapping.DIRECT, page, Content.SECRET));
            finish(e, i, pc + 1, status, c);
            call.accept(i, kinds.reuse);
            return;
        }
        if (status == ConverterState.Status.CLEANING_UP) {
            failures.applyCleanUp(call.begin(), i, pc);
            call.accept(i, kinds.after(i, pc));
            return;
        }
        if (status != ConverterState.Status.RUNNING) return;
        ConverterProgram.Op op = prog.ops().get(pc);
        PackedEdit e = call.begin();
        Cause c = switch (op.kind()) {
            case STEP -> steps.apply(e, conv, op.primitive(), op.via(), conv.phases().get(op.phase()).target().target());
            case OWNER_WRITE -> steps.ownerWrite(e, conv, op.value());
            case OWNER_READ -> steps.ownerRead(e, conv);
            case REUSE_WRITE -> throw new IllegalStateException("reuse is not a program operation");
        };
        if (c == Cause.HYPERCALL_FAILED) {
            fail(call, i, pc);
            return;
        }
        finish(e, i, pc + 1, pc + 1 == prog.size() ? ConverterState.Status.DONE : ConverterState.Status.RUNNING, c);
        call.accept(i, kinds.step(i, pc));
        if (op.kind() == ConverterProgram.Op.Kind.STEP && scenario.mayFail().contains(op.primitive())) fail(call, i, pc);
    }

    /** The operation at {@code pc} fails: {@link FailurePath#fail}. */
    private void fail(SuccessorCall call, int i, int pc) {
        failures.applyFail(call.begin(), i, pc);
        call.accept(i, kinds.fails(i, pc));
    }

    private static void finish(PackedEdit e, int i, int pc, ConverterState.Status status, Cause c) {
        if (c != Cause.OK) e.happen(c);
        e.converter(i, pc, status, c);
    }

    /** load_unaligned_zeropad(), as {@link PageModel}'s readerSuccessor. */
    private void reader(SuccessorCall call, int i) {
        if (call.parent.readerDone(i)) return;
        ZeropadReader r = scenario.readers().get(i);
        PackedEdit e = call.begin();
        Cause c = accesses.read(e, r.cpu(), r.firstPageMapping(), r.page(), PlatformRules.Accessor.KERNEL);
        if (c == Cause.OK) c = accesses.read(e, r.cpu(), r.via(), r.page() + 1, PlatformRules.Accessor.ZEROPAD_SECOND_PAGE);
        if (c != Cause.OK) e.happen(c);
        e.readerDone(i, c);
        call.accept(programs.size() + i, kinds.zeropad);
    }

    private void host(SuccessorCall call, int i) {
        HostActor h = scenario.hosts().get(i);
        PackedEdit s = call.parent;
        int unit = programs.size() + scenario.readers().size() + i;
        if (!s.hvNow(h.page()).isShared()) return;
        if (h.reads() && s.contentsNow(h.page()) == Content.SECRET && !s.happened(Cause.SECRET_TO_HOST)) {
            call.begin().happen(Cause.SECRET_TO_HOST);
            call.accept(unit, kinds.hostRead);
        }
        if (h.writes() && s.contentsNow(h.page()) != Content.HOST_DATA) {
            call.begin().contents(h.page(), Content.HOST_DATA);
            call.accept(unit, kinds.hostWrite);
        }
    }

    /** What the hardware may do, as {@link Hardware#successors}. */
    private void hardware(SuccessorCall call) {
        PackedEdit s = call.parent;
        Mapping[] mappings = layout.mappingList();
        if (tlbFill) {
            for (int cpu = 0; cpu < layout.cpus(); cpu++) {
                for (Mapping m : mappings) {
                    if (!layout.hasPte(m)) continue;
                    for (int page = 0; page < layout.pages(); page++) {
                        if (s.tlbCode(cpu, m, page) != 0) continue;
                        Pte pte = s.pteNow(m, page);
                        if (!pte.present()) continue;
                        call.begin().tlb(cpu, m, page, TlbEntry.cached(pte.attribute()));
                        call.accept(PageFootprints.tlbUnit(hardwareActor, layout, cpu, m, page), kinds.tlbFill);
                    }
                }
            }
        }
        if (tlbEvict) {
            // in canonical form, evicting an entry the form refills (saturation: it holds what its PTE gives)
            // or merges (DeadTlbEntries) gives the parent's form
            boolean same = call.canonical && reductions.saturates();
            long fills = same ? Merges.fills(StateWords.get(call.state, call.offset, 0, pteBits)) : 0;
            long byProperties = same ? reductions.watchedByProperties(call.state, call.offset, call.watched) : -1L;
            for (int cpu = 0; cpu < layout.cpus(); cpu++) {
                long row = 0;
                long merged = 0;   // the entries whose eviction gives the parent's form
                if (same) {
                    row = StateWords.get(call.state, call.offset, rowAt[cpu], rowBits) & 0xFFFFFFFFL;
                    long fresh = ~(row ^ fills);
                    fresh &= (fresh >>> 1) & LOW;
                    merged = (fresh | fresh << 1) | reductions.dead(call.state, call.offset, cpu, byProperties);
                }
                for (Mapping m : mappings) {
                    for (int page = 0; page < layout.pages(); page++) {
                        if (s.tlbCode(cpu, m, page) == 0) continue;
                        int unit = PageFootprints.tlbUnit(hardwareActor, layout, cpu, m, page);
                        if ((merged >>> 2 * layout.tlbIndex(0, m, page) & 3) != 0) {
                            call.acceptParentForm(unit, kinds.tlbEviction);
                            continue;
                        }
                        call.begin().tlb(cpu, m, page, TlbEntry.NONE);
                        call.accept(unit, kinds.tlbEviction);
                    }
                }
            }
        }
        if (cacheFill) {
            // the translations some CPU could use now (PageState#effectiveAttribute), private and shared: an
            // entry (mapping, page) of a TLB row is set when some CPU's entry holds that attribute, or is empty
            // and the mapping's PTE is present with it (what a page walk would use)
            long fills = Merges.fills(StateWords.get(call.state, call.offset, 0, pteBits));
            long privately = 0;
            long shared = 0;
            for (int at : rowAt) {
                long row = Merges.saturated(StateWords.get(call.state, call.offset, at, rowBits) & 0xFFFFFFFFL, fills);
                privately |= row & ~(row >>> 1) & LOW;   // entry 1: private
                shared |= (row >>> 1) & LOW;             // entry 2: shared
            }
            for (int page = 0; page < layout.pages(); page++) {
                for (Attribute key : ATTRIBUTES) {
                    long usable = key == Attribute.PRIVATE ? privately : shared;
                    if (s.line(page, key) != Line.NONE || (usable & column[page]) == 0) continue;
                    int unit = PageFootprints.lineUnit(hardwareActor, layout, page, key);
                    if (call.canonical) {   // a clean line: the canonical form drops it
                        call.acceptParentForm(unit, kinds.cacheFill);
                        continue;
                    }
                    call.begin().line(page, key, Line.CLEAN);
                    call.accept(unit, kinds.cacheFill);
                }
            }
        }
        if (writeBack) {
            for (int page = 0; page < layout.pages(); page++) {
                for (Attribute key : ATTRIBUTES) {
                    Line line = s.line(page, key);
                    if (line == Line.NONE) continue;
                    accesses.writeBack(call.begin(), page, key);
                    call.accept(PageFootprints.lineUnit(hardwareActor, layout, page, key),
                            line == Line.DIRTY ? kinds.writeBack : kinds.lineEviction);
                }
            }
        }
    }
}
