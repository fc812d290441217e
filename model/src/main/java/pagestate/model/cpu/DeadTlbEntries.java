package pagestate.model.cpu;

import static pagestate.model.cpu.StateWords.get;

import java.util.List;
import pagestate.model.PropertyName;

/**
 * TLB entries whose value nothing will read again, stored as a fill would leave them (docs/model.md
 * section 11.2): part of the canonical form over saturated states ({@link Indistinguishable#saturates}).
 *
 * <p>Who reads an entry. An access reads its own CPU's entries only: a zeropad reader those of its two
 * pages through its mappings, until it has run; a converter, any entry of its CPU (its CLFLUSH,
 * PVALIDATE and the owner's accesses). The hardware's cache fill reads every translation of a page, but
 * a fill only makes a clean line, which the canonical form merges with no line: it changes no stored
 * state. Flushes and evictions write an entry whatever it held. So an entry of a CPU whose actors will
 * not access it is read only by properties: {@code translations_consistent} reads every entry in every
 * state, and so does {@code aliases_agree} where a page has two mappings (with one it always holds); {@code no_stale_tlb_after_done} reads a converter's pages' entries
 * once that converter is done, and so not the present value of an entry its converter will flush before
 * it is done (a {@code flush_tlb} ahead for the direct map and the vmalloc alias, an
 * {@code unmap_aliases} for the lazy alias; a converter that failed is never done).
 *
 * <p>Why merging is sound: two states that differ only in such entries are bisimilar for every action,
 * every liveness goal and fairness (no actor's enabledness or effect reads them) and for every
 * invariant that is still watched (none of them reads them, now or before they are overwritten). An
 * eviction of a merged entry leads back to the merged state. The properties that read entries are named
 * by the caller: once {@code translations_consistent} and {@code aliases_agree} are violated (or not
 * checked), the search stops watching them, and the entries only they read merge. With seven readers,
 * the entries of their CPUs that the readers never use (the vmalloc and lazy aliases, the converter's
 * other page) otherwise multiply the states by every way of holding them stale or fresh.
 */
final class DeadTlbEntries {

    /** The properties that read TLB entries whatever the converters' progress. */
    static final long EVERY_ENTRY = bit(PropertyName.TRANSLATIONS_CONSISTENT) | bit(PropertyName.ALIASES_AGREE);
    static final long AFTER_DONE = bit(PropertyName.NO_STALE_TLB_AFTER_DONE);

    private final boolean on;
    /**
     * The watched properties that read every entry: {@link #EVERY_ENTRY}, but aliases_agree only where a
     * page has two mappings (with one it compares nothing and always holds).
     */
    private final long everyEntry;
    private final long all;                 // every entry of a row (2 bits each)
    private final long[] converterCpu;      // per CPU: the entries a converter on it may read (all or none)
    private final int[][] readersOn;        // per CPU: the readers running on it
    private final long[] readerEntries;     // per reader: the entries its access reads
    /** Per converter and pc (running): the entries of its pages no_stale_tlb_after_done will read (no flush ahead). */
    private final long[][] running;
    /** Per converter: the entries of its pages no_stale_tlb_after_done reads once it is done. */
    private final long[] done;

    DeadTlbEntries(Scenario scenario, Layout layout, List<ConverterProgram> programs, boolean saturates) {
        int row = layout.mappings() * layout.pages();
        this.on = saturates && row > 0 && 2 * row <= 64;
        this.everyEntry = layout.mappings() > 1 ? EVERY_ENTRY : bit(PropertyName.TRANSLATIONS_CONSISTENT);
        this.all = row >= 32 ? -1L : (1L << 2 * row) - 1;
        this.converterCpu = new long[layout.cpus()];
        for (Converter c : scenario.converters()) converterCpu[c.cpu()] = all;
        int readers = scenario.readers().size();
        this.readerEntries = new long[readers];
        int[] count = new int[layout.cpus()];
        for (ZeropadReader r : scenario.readers()) count[r.cpu()]++;
        this.readersOn = new int[layout.cpus()][];
        for (int cpu = 0; cpu < layout.cpus(); cpu++) readersOn[cpu] = new int[count[cpu]];
        int[] filled = new int[layout.cpus()];
        for (int i = 0; i < readers; i++) {
            ZeropadReader r = scenario.readers().get(i);
            readersOn[r.cpu()][filled[r.cpu()]++] = i;
            long e = 0;
            for (int page = r.page(); page <= r.page() + 1 && page < layout.pages(); page++) {
                e |= entry(layout, Mapping.DIRECT, page) | entry(layout, r.via(), page)
                        | entry(layout, r.firstPageMapping(), page);
            }
            readerEntries[i] = e;
        }
        this.running = new long[programs.size()][];
        this.done = new long[programs.size()];
        for (int x = 0; x < programs.size(); x++) {
            ConverterProgram prog = programs.get(x);
            long live = 0;      // entries of its pages with a PTE
            long lazy = 0;      // and of the lazy alias
            for (int page : prog.converter().pages()) {
                for (Mapping m : layout.mappingList()) {
                    if (m.hasPte()) live |= entry(layout, m, page); else lazy |= entry(layout, m, page);
                }
            }
            done[x] = live | lazy;
            // pc runs to reuseIndex() + 1; a running converter is below size()
            running[x] = new long[prog.size() + 2];
            boolean flushAhead = false;
            boolean unmapAhead = false;
            for (int pc = prog.size(); pc >= 0; pc--) {
                if (pc < prog.size()) {
                    ConverterProgram.Op op = prog.ops().get(pc);
                    if (op.kind() == ConverterProgram.Op.Kind.STEP && op.primitive() == Primitive.FLUSH_TLB) flushAhead = true;
                    if (op.kind() == ConverterProgram.Op.Kind.STEP && op.primitive() == Primitive.UNMAP_ALIASES) unmapAhead = true;
                }
                running[x][pc] = (flushAhead ? 0 : live) | (unmapAhead ? 0 : lazy);
            }
            running[x][prog.size() + 1] = done[x];
        }
    }

    private static long bit(PropertyName p) {
        return 1L << p.ordinal();
    }

    /** The 2 bits of one entry in a CPU's row (the row's order: mapping-major, then page). */
    private static long entry(Layout layout, Mapping m, int page) {
        if (!layout.has(m)) return 0;
        int i = layout.tlbIndex(0, m, page) - layout.tlbIndex(0, Mapping.DIRECT, 0);
        return 3L << 2 * i;
    }

    /** The properties whose leaving the watched set may merge entries (a mask over {@link PropertyName#ordinal()}). */
    long formProperties() {
        return on ? everyEntry | AFTER_DONE : 0;
    }

    /** Whether an entry may ever merge: the search saturates TLBs and a row fits 64 bits. */
    boolean on() {
        return on;
    }

    /**
     * The entries of every CPU's row that some watched property may read in this state, whatever the CPU:
     * all of them while {@code translations_consistent} or {@code aliases_agree} is watched, else those of
     * no_stale_tlb_after_done ({@code watched}: a mask over {@link PropertyName#ordinal()}).
     */
    long watchedByProperties(ConverterState.Status[] status, int[] pc, long watched) {
        if ((watched & everyEntry) != 0) return all;
        if ((watched & AFTER_DONE) == 0) return 0;
        long read = 0;
        for (int x = 0; x < done.length; x++) {
            if (status[x] == ConverterState.Status.DONE) read |= done[x];
            else if (status[x] == ConverterState.Status.RUNNING) read |= running[x][Math.min(pc[x], running[x].length - 1)];
        }
        return read;
    }

    /** The entries of {@code cpu}'s row that its actors may still read, given which of its readers have run. */
    long readByActors(int cpu, boolean[] readerDone) {
        long read = converterCpu[cpu];
        for (int i : readersOn[cpu]) if (!readerDone[i]) read |= readerEntries[i];
        return read;
    }

    /** The entries of {@code cpu}'s row nothing reads again: to merge. */
    long dead(int cpu, long watchedByProperties, boolean[] readerDone) {
        return all & ~watchedByProperties & ~readByActors(cpu, readerDone);
    }

    /** As {@link #watchedByProperties} on the encoded state at {@code w[base ..]}. */
    long watchedByProperties(long[] w, int base, StateWords f, long watched) {
        if ((watched & everyEntry) != 0) return all;
        if ((watched & AFTER_DONE) == 0) return 0;
        long read = 0;
        for (int x = 0; x < done.length; x++) {
            int status = get(w, base, f.status(x), PageStateCodec.STATUS_BITS);
            if (status == ConverterState.Status.DONE.ordinal()) {
                read |= done[x];
            } else if (status == ConverterState.Status.RUNNING.ordinal()) {
                int pc = get(w, base, f.pc(x), PageStateCodec.PC_BITS);
                read |= running[x][Math.min(pc, running[x].length - 1)];
            }
        }
        return read;
    }

    /** As {@link #dead(int, long, boolean[])} on the encoded state at {@code w[base ..]}. */
    long dead(long[] w, int base, StateWords f, int cpu, long watchedByProperties) {
        long read = converterCpu[cpu];
        for (int i : readersOn[cpu]) if (get(w, base, f.readerDone(i), 1) == 0) read |= readerEntries[i];
        return all & ~watchedByProperties & ~read;
    }
}
