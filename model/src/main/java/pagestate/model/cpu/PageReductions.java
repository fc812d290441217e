package pagestate.model.cpu;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import pagestate.model.PropertyName;
import pagestate.model.Reductions;

/**
 * The page model's reductions (docs/model.md section 11): the canonical form (merges, TLB saturation and
 * the merge of entries nothing reads again, then page and CPU symmetry), and the units and footprints of
 * partial-order reduction.
 */
final class PageReductions implements Reductions<PageState, PageAction> {

    private final Indistinguishable indistinguishable;
    private final PageSymmetry pageSymmetry;
    private final CpuSymmetry symmetry;
    private final HvPage[] hvStates;
    private final PageFootprints footprints;
    private final StateWords fields;
    private final Hardware hardware;
    private final int converters;

    PageReductions(Indistinguishable indistinguishable, PageSymmetry pageSymmetry, CpuSymmetry symmetry, HvPage[] hvStates,
                   PageFootprints footprints, StateWords fields, Hardware hardware, List<ConverterProgram> programs) {
        this.indistinguishable = indistinguishable;
        this.pageSymmetry = pageSymmetry;
        this.symmetry = symmetry;
        this.hvStates = hvStates;
        this.footprints = footprints;
        this.fields = fields;
        this.hardware = hardware;
        this.converters = programs.size();
    }

    /**
     * The canonical form of {@code s}: detail no action or property can tell apart merged and the TLBs
     * saturated with every translation the hardware may cache ({@link Indistinguishable}), then the page
     * symmetry ({@link PageSymmetry}: pages with the same role, sorted once their converter is settled),
     * then the CPU symmetry the scenario implies ({@link CpuSymmetry}): CPUs that run no converter and the
     * same zeropad reader (or none) are interchangeable.
     */
    @Override
    public PageState canonical(PageState s) {
        return canonical(s, -1L);
    }

    /**
     * {@link #canonical(PageState)} when only the properties in {@code watched} (a mask over
     * {@link PropertyName#ordinal()}) still need checking: TLB entries that only the others would read are
     * merged too ({@link DeadTlbEntries}).
     */
    @Override
    public PageState canonical(PageState s, long watched) {
        return symmetry.canonical(pageSymmetry.canonical(indistinguishable.canonical(s, watched), hvStates));
    }

    /** The merges and the saturation alone, no symmetry (liveness when readers are fair). */
    @Override
    public PageState merged(PageState s) {
        return indistinguishable.canonical(s);
    }

    @Override
    public PageState merged(PageState s, long watched) {
        return indistinguishable.canonical(s, watched);
    }

    @Override
    public long formProperties() {
        return indistinguishable.dead().formProperties();
    }

    /** The CPU symmetry alone. */
    PageState symmetric(PageState s) {
        return symmetry.canonical(s);
    }

    /** The page symmetry alone. */
    PageState pageSymmetric(PageState s) {
        return pageSymmetry.canonical(s, hvStates);
    }

    /** The page symmetry's classes. */
    int[][] pageClasses() {
        return pageSymmetry.classes();
    }

    @Override
    public void settle(PageState s, BiConsumer<PageAction, PageState> sink) {
        hardware.saturate(s, sink);
    }

    /** A zeropad reader is enabled until it has run, unless the guest dies ({@link PageModel#successors}). */
    @Override
    public boolean exchangedEnablednessIsLocal() {
        return true;
    }

    @Override
    public Set<Integer> exchangedActors() {
        Set<Integer> out = new TreeSet<>();
        for (int reader : symmetry.exchangedReaders()) out.add(converters + reader);
        return out;
    }

    @Override public int units() { return footprints.units(); }
    @Override public int words() { return footprints.words(); }
    @Override public int unitOf(PageAction action) { return action.unit(); }
    @Override public void footprint(PageState s, int unit, long[] r, long[] w) { footprints.footprint(s, unit, r, w); }
    @Override public boolean encodedFootprints() { return true; }

    @Override
    public void footprint(long[] state, int offset, int unit, long[] r, long[] w) {
        footprints.footprint(state, offset, fields, unit, r, w);
    }

    @Override
    public void propertyReads(PropertyName name, long[] r) {
        footprints.propertyReads(name, r);
    }
}
