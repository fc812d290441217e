package pagestate.model.cpu;

import pagestate.model.PropertyName;
import pagestate.model.Reductions;
import pagestate.model.SeedSystem;
import pagestate.model.SystemModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The transition system of a {@link Scenario}: its initial state, the enabled actions of a state in a
 * fixed order (converters, zeropad readers, hosts, hardware), its properties and its compact encoding.
 * It knows nothing of the engine; the command line adapts it.
 */
public final class PageModel implements SystemModel<PageState, PageAction> {

    private final Scenario scenario;
    private final Layout layout;
    private final List<ConverterProgram> programs;
    private final Accesses accesses;
    private final ConverterSteps steps;
    private final Hosts hosts;
    private final Hardware hardware;
    private final List<String> actorNames;
    private final List<ModelProperty> properties;
    private final PageStateCodec codec;
    private final PageReductions reductions;
    /** Where each field lies in the encoded words. */
    private final StateWords fields;
    private final FailurePath failures;
    private final PackedSuccessors packed;
    private final ActionKinds kinds;
    private final PackedProperties packedProperties;

    public PageModel(Scenario scenario) {
        this.scenario = scenario;
        this.layout = new Layout(scenario.cpus(), scenario.mappings(), scenario.pages());
        this.programs = scenario.converters().stream().map(ConverterProgram::new).toList();
        PlatformRules rules = PlatformRules.of(scenario.platform());
        this.accesses = new Accesses(rules, scenario.options());
        this.steps = new ConverterSteps(accesses, scenario.options());
        List<String> names = new ArrayList<>();
        Set<Integer> converterActors = new LinkedHashSet<>();
        Set<Integer> readerActors = new LinkedHashSet<>();
        for (Converter c : scenario.converters()) {
            converterActors.add(names.size());
            names.add(c.name() + " (CPU" + c.cpu() + " converter)");
        }
        for (ZeropadReader r : scenario.readers()) {
            readerActors.add(names.size());
            names.add(r.name() + " (CPU" + r.cpu() + " zeropad)");
        }
        for (HostActor h : scenario.hosts()) names.add(h.name() + " (host)");
        this.hardware = new Hardware(scenario, accesses, names.size());
        names.add("hardware");
        this.actorNames = List.copyOf(names);
        this.hosts = new Hosts(scenario, actorNames, programs.size() + scenario.readers().size());
        this.failures = new FailurePath(scenario, programs, steps, actorNames);
        readerActors.addAll(converterActors);
        this.properties = new Properties(scenario, programs, accesses.coherentCaches())
                .all(Set.copyOf(converterActors), Set.copyOf(readerActors));
        this.codec = new PageStateCodec(scenario, layout, programs);
        CpuSymmetry symmetry = new CpuSymmetry(scenario, layout);
        PageSymmetry pageSymmetry = new PageSymmetry(scenario, layout, programs, symmetry.classes());
        Indistinguishable indistinguishable = new Indistinguishable(scenario, layout, programs);
        PageFootprints footprints = new PageFootprints(scenario, layout, programs, actorNames.size() - 1,
                indistinguishable.saturates());
        this.fields = new StateWords(layout, programs.size(), scenario.readers().size());
        if (fields.words != codec.words()) throw new IllegalStateException("StateWords disagrees with the codec");
        this.kinds = new ActionKinds(programs);
        this.packed = new PackedSuccessors(scenario, layout, programs, accesses, steps, failures, fields,
                new PackedReductions(layout, fields, indistinguishable, pageSymmetry, symmetry), kinds);
        this.packedProperties = new PackedProperties(scenario, layout, fields, programs, accesses.coherentCaches());
        this.reductions = new PageReductions(indistinguishable, pageSymmetry, symmetry, HvPage.of(scenario.platform()),
                footprints, fields, hardware, programs);
    }

    @Override
    public SeedSystem system() { return SeedSystem.CPU; }

    public Scenario scenario() { return scenario; }
    public Layout layout() { return layout; }
    public List<ConverterProgram> programs() { return programs; }
    public List<String> actorNames() { return actorNames; }
    public List<ModelProperty> properties() { return properties; }

    @Override
    public ModelProperty property(PropertyName name) {
        return properties.stream().filter(p -> p.name() == name).findFirst().orElseThrow();
    }

    /**
     * The initial state: every page settled in its converter's starting attribute (other pages private),
     * every PTE present, every CPU's TLB warm with those translations (the lazy alias too: its entries
     * linger), empty caches; private pages hold the secret, shared ones host data.
     */
    @Override
    public PageState initialState() {
        Pte[] ptes = new Pte[layout.pteCount()];
        TlbEntry[] tlb = new TlbEntry[layout.tlbCount()];
        CacheLines[] cache = new CacheLines[layout.pages()];
        HvPage[] hv = new HvPage[layout.pages()];
        Content[] contents = new Content[layout.pages()];
        for (int page = 0; page < layout.pages(); page++) {
            Converter c = scenario.converterOf(page);
            Attribute a = c == null ? Attribute.PRIVATE : c.initialAttribute();
            hv[page] = HvPage.settled(scenario.platform(), a);
            contents[page] = a == Attribute.PRIVATE ? Content.SECRET : Content.HOST_DATA;
            cache[page] = CacheLines.EMPTY;
            for (Mapping m : layout.mappingList()) {
                if (m.hasPte()) ptes[layout.pteIndex(m, page)] = new Pte(true, a);
                for (int cpu = 0; cpu < layout.cpus(); cpu++) tlb[layout.tlbIndex(cpu, m, page)] = TlbEntry.cached(a);
            }
        }
        ConverterState[] conv = new ConverterState[programs.size()];
        Arrays.fill(conv, ConverterState.START);
        ReaderState[] readers = new ReaderState[scenario.readers().size()];
        Arrays.fill(readers, ReaderState.IDLE);
        return new PageState(layout, ptes, tlb, cache, hv, contents, conv, readers, 0, null);
    }

    /** A dead end that is intended: the guest died, or every actor has finished. */
    @Override
    public boolean isTerminal(PageState s) {
        if (s.crashed()) return true;
        for (int i = 0; i < programs.size(); i++) {
            ConverterState c = s.converter(i);
            if (!c.status().finished()) return false;
            if (c.status() == ConverterState.Status.FAILED_FREED && c.pc() == programs.get(i).reuseIndex()) return false;
        }
        for (int i = 0; i < s.readerCount(); i++) if (!s.reader(i).done()) return false;
        return true;
    }

    /** Reports every enabled action of {@code s} with its successor, in a fixed order. A crashed guest has none. */
    @Override
    public void successors(PageState s, BiConsumer<PageAction, PageState> sink) {
        if (s.crashed()) return;
        for (int i = 0; i < programs.size(); i++) converterSuccessors(s, i, sink);
        for (int i = 0; i < scenario.readers().size(); i++) readerSuccessor(s, i, sink);
        hosts.successors(s, sink);
        hardware.successors(s, sink);
    }

    private void converterSuccessors(PageState s, int i, BiConsumer<PageAction, PageState> sink) {
        ConverterProgram prog = programs.get(i);
        Converter conv = prog.converter();
        ConverterState cs = s.converter(i);
        String lane = "CPU" + conv.cpu();
        String who = actorNames.get(i);
        if (cs.status() == ConverterState.Status.FAILED_FREED && cs.pc() == prog.reuseIndex()) {
            PageState.Editor e = s.edit();
            Cause c = Cause.OK;
            for (int page : conv.pages()) c = Cause.worse(c, accesses.write(e, conv.cpu(), Mapping.DIRECT, page, Content.SECRET));
            finish(e, i, new ConverterState(cs.pc() + 1, cs.status(), c), c);
            sink.accept(new PageAction(i, who, lane, ActionKinds.REUSE,
                    () -> "allocator reuses the freed page; new user writes its secret", c), e.done());
            return;
        }
        if (cs.status() == ConverterState.Status.CLEANING_UP) {
            failures.cleanUp(s, i, cs, sink);
            return;
        }
        if (cs.status() != ConverterState.Status.RUNNING) return;
        ConverterProgram.Op op = prog.ops().get(cs.pc());
        PageState.Editor e = s.edit();
        Cause c = switch (op.kind()) {
            case STEP -> steps.apply(e, conv, op.primitive(), op.via(), conv.phases().get(op.phase()).target().target());
            case OWNER_WRITE -> steps.ownerWrite(e, conv, op.value());
            case OWNER_READ -> steps.ownerRead(e, conv);
            case REUSE_WRITE -> throw new IllegalStateException("reuse is not a program operation");
        };
        if (c == Cause.HYPERCALL_FAILED) {
            failures.fail(s, i, cs, () -> op.describe(conv) + " fails", sink);
            return;
        }
        int pc = cs.pc() + 1;
        finish(e, i, new ConverterState(pc, pc == prog.size() ? ConverterState.Status.DONE
                : ConverterState.Status.RUNNING, c), c);
        sink.accept(new PageAction(i, who, lane, op.kindName(), () -> op.describe(conv), c), e.done());
        if (op.kind() == ConverterProgram.Op.Kind.STEP && scenario.mayFail().contains(op.primitive())) {
            failures.fail(s, i, cs, () -> op.describe(conv) + " fails (the spec lets it fail)", sink);
        }
    }

    private static void finish(PageState.Editor e, int i, ConverterState next, Cause c) {
        if (c != Cause.OK) e.happen(c);
        e.converter(i, next);
    }

    /**
     * load_unaligned_zeropad(): one load of the end of page p and the start of page p+1. A fault on the
     * first page is an ordinary kernel fault; only the second page's fault is fixed up.
     */
    private void readerSuccessor(PageState s, int i, BiConsumer<PageAction, PageState> sink) {
        if (s.reader(i).done()) return;
        ZeropadReader r = scenario.readers().get(i);
        PageState.Editor e = s.edit();
        Cause c = accesses.read(e, r.cpu(), r.firstPageMapping(), r.page(), PlatformRules.Accessor.KERNEL);
        if (c == Cause.OK) c = accesses.read(e, r.cpu(), r.via(), r.page() + 1, PlatformRules.Accessor.ZEROPAD_SECOND_PAGE);
        if (c != Cause.OK) e.happen(c);
        e.reader(i, new ReaderState(true, c));
        int actor = programs.size() + i;
        sink.accept(new PageAction(actor, actorNames.get(actor), "CPU" + r.cpu(), ActionKinds.ZEROPAD,
                () -> "load_unaligned_zeropad() from page " + r.page() + " across into page " + (r.page() + 1)
                        + (r.via() == Mapping.DIRECT ? "" : " through the " + r.via().label() + " alias"), c), e.done());
    }

    /**
     * The successors of an encoded state, encoded, with no object per successor ({@link PackedSuccessors}):
     * the same successors in the same order as {@link #successors}, encoded (canonical when asked).
     */
    @Override
    public boolean encodedSuccessors(long[] state, int offset, boolean canonical, EncodedSink sink) {
        packed.successors(state, offset, canonical, sink);
        return true;
    }

    /** ... with the canonical form given the properties still {@code watched} ({@link #canonical(PageState, long)}). */
    @Override
    public boolean encodedSuccessors(long[] state, int offset, boolean canonical, long watched, EncodedSink sink) {
        packed.successors(state, offset, canonical, watched, sink);
        return true;
    }

    /** The packed successors come with their partial-order units ({@link PageAction#unit()}). */
    @Override
    public boolean encodedUnits() { return true; }

    /** ... and with their actors. */
    @Override
    public boolean encodedActors() { return true; }

    /** ... and with their kinds of action, by index into these ({@link ActionKinds}). */
    @Override
    public List<String> encodedKinds() { return kinds.names(); }

    @Override
    public int encodedProgramPc(long[] state, int offset) { return packedProperties.programPc(state, offset); }

    /** A property on the encoded state ({@link PackedProperties}), as its predicate answers on the decoded one. */
    @Override
    public int encodedHolds(PropertyName name, long[] state, int offset) {
        return packedProperties.holds(name, state, offset);
    }

    // ---- reductions

    /** The canonical form of {@code s} ({@link PageReductions#canonical(PageState)}). */
    public PageState canonical(PageState s) {
        return reductions.canonical(s);
    }

    /** The canonical form given the properties still {@code watched} ({@link PageReductions#canonical(PageState, long)}). */
    public PageState canonical(PageState s, long watched) {
        return reductions.canonical(s, watched);
    }

    /** The CPU symmetry alone (tests). */
    PageState symmetric(PageState s) {
        return reductions.symmetric(s);
    }

    /** The page symmetry alone (tests). */
    PageState pageSymmetric(PageState s) {
        return reductions.pageSymmetric(s);
    }

    /** The page symmetry's classes (tests, and {@code explain}'s statistics). */
    int[][] pageClasses() {
        return reductions.pageClasses();
    }

    /** The merges and the saturation alone, no symmetry (tests, and liveness when readers are fair). */
    PageState merged(PageState s) {
        return reductions.merged(s);
    }

    /** {@link #merged(PageState)} given the properties still {@code watched}. */
    PageState merged(PageState s, long watched) {
        return reductions.merged(s, watched);
    }

    @Override
    public Reductions<PageState, PageAction> reductions() {
        return reductions;
    }

    // ---- encoding

    @Override
    public int words() { return codec.words(); }

    @Override
    public void encode(PageState s, long[] out, int offset) { codec.encode(s, out, offset); }

    @Override
    public PageState decode(long[] in, int offset) {
        return codec.decode(in, offset, programs.size(), scenario.readers().size());
    }

    // ---- text, lanes and the converter's program (SystemModel)

    @Override
    public List<String> changes(PageState before, PageState after) { return StateText.changes(this, before, after); }

    @Override
    public String describe(PageState s) { return StateText.describe(s); }

    /** The trace told with its cause: step 0, hardware fills split out, kernel code and reasons ({@link TraceExplainer}). */
    @Override
    public pagestate.model.TraceStory story(PageState initial, List<PageAction> actions, List<PageState> states,
                                            PropertyName property, boolean lasso) {
        return new TraceExplainer(this).tell(initial, actions, states, property, lasso);
    }

    /** One lane per CPU, in order. */
    @Override
    public List<String> lanes() {
        List<String> l = new ArrayList<>();
        for (int cpu = 0; cpu < layout.cpus(); cpu++) l.add("CPU" + cpu);
        return l;
    }

    @Override
    public String tag(PageState s) { return s.crashed() ? s.crash().label() : null; }

    @Override
    public boolean isProgramActor(int actor) { return actor < programs.size(); }

    @Override
    public int programSize() { return programs.isEmpty() ? 0 : programs.get(0).size(); }

    @Override
    public int programPc(PageState s) { return s.converter(0).pc(); }

    @Override
    public String programStep(int pc) { return programs.get(0).ops().get(pc).describe(programs.get(0).converter()); }
}
