package pagestate.model.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page symmetry a scenario implies (docs/model.md section 11): pages with the same role are
 * interchangeable, each together with its PTEs, every CPU's TLB entries for it, its cache lines, its
 * platform state and its contents. Derived once per spec, not declared. A page's role is the converter
 * that converts it (or none); a page that a zeropad reader touches (its own page or the next one it
 * crosses into) or that a host touches has a role of its own, since that actor names it. Every other
 * rule treats a converter's pages alike: its steps apply to each of them with the same primitive, its
 * owner writes and reads each through the same mapping, the initial state gives each the converter's
 * starting attribute, every mapping maps every page, the hardware may fill, evict and write back any
 * entry or line, and every property quantifies over all pages (none names a page index).
 *
 * <p>One thing is not symmetric: a step over several pages handles them in ascending order and stops at
 * the first fatal outcome (CLFLUSH, PVALIDATE, the owner's accesses), and which fatal outcome ends the
 * guest, and what the pages before it got, depends on that order; an always ACCEPT after a failure
 * stops at the first page that is not pending and keeps what it did; and the allocator's reuse write
 * keeps the first fatal outcome. So a class is only permuted in states where its converter is
 * <em>settled</em>: no such step lies ahead of it on any path (its program from its pc holds none, and
 * no failure can lead to the reuse write). The settled states are closed under successors, and there
 * every step maps to a step under any permutation of the class: there the permutation is an
 * automorphism, and the canonical form merges only states whose futures are permutations of each other.
 *
 * <p>Canonical form: within each class the pages are sorted, stably, by a key (the page's own fields,
 * then its TLB entries with each CPU class's entries sorted, so that the key does not change when
 * interchangeable CPUs are exchanged and the CPU sort that follows cannot undo the page order), and
 * given back to the class's pages in ascending order. The CPU symmetry sorts CPUs afterwards.
 */
final class PageSymmetry {

    /** A state's per-page fields as the encoding has them (so that object and packed forms sort alike). */
    interface PageFields {
        int pte(int mapping, int page);           // present bit 1, attribute bit 0
        int hv(int page);                         // index in HvPage.of(platform)
        int contents(int page);                   // Content ordinal
        int line(int page, Attribute key);        // Line ordinal
        int tlb(int cpu, int mapping, int page);  // TlbEntry ordinal
    }

    private static final ConverterState.Status[] STATUSES = ConverterState.Status.values();

    private final Layout layout;
    private final int[][] classes;        // pages of each class, ascending; only classes of 2 or more
    private final int[] converterOf;      // converter of each class, or -1
    private final boolean[][] settledRunning;    // [class][pc]: RUNNING at pc is settled
    private final boolean[][] settledCleaning;   // [class][pc]: CLEANING_UP at pc is settled
    private final int[][] cpuSlots;       // for the key: each fixed CPU alone, then each CPU class

    PageSymmetry(Scenario scenario, Layout layout, List<ConverterProgram> programs, int[][] cpuClasses) {
        this.layout = layout;
        Map<Integer, List<Integer>> byRole = new LinkedHashMap<>();
        for (int page = 0; page < layout.pages(); page++) {
            if (named(scenario, page)) continue;
            int conv = -1;
            for (int i = 0; i < scenario.converters().size(); i++) {
                if (scenario.converters().get(i).pages().contains(page)) conv = i;
            }
            byRole.computeIfAbsent(conv, k -> new ArrayList<>()).add(page);
        }
        List<int[]> cls = new ArrayList<>();
        List<Integer> conv = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byRole.entrySet()) {
            if (e.getValue().size() < 2) continue;
            cls.add(e.getValue().stream().mapToInt(Integer::intValue).toArray());
            conv.add(e.getKey());
        }
        this.classes = cls.toArray(int[][]::new);
        this.converterOf = conv.stream().mapToInt(Integer::intValue).toArray();
        this.settledRunning = new boolean[classes.length][];
        this.settledCleaning = new boolean[classes.length][];
        for (int k = 0; k < classes.length; k++) {
            if (converterOf[k] < 0) continue;
            settledRunning[k] = settled(programs.get(converterOf[k]), scenario, false);
            settledCleaning[k] = settled(programs.get(converterOf[k]), scenario, true);
        }
        boolean[] inClass = new boolean[layout.cpus()];
        List<int[]> slots = new ArrayList<>();
        for (int[] c : cpuClasses) for (int cpu : c) inClass[cpu] = true;
        for (int cpu = 0; cpu < layout.cpus(); cpu++) if (!inClass[cpu]) slots.add(new int[] {cpu});
        slots.addAll(Arrays.asList(cpuClasses));
        this.cpuSlots = slots.toArray(int[][]::new);
        int bits = 2 * layout.pteMappings() + StateWords.PAGE_BITS + 2 * layout.cpus() * layout.mappings();
        if (bits > 63) throw new IllegalArgumentException("a page's key exceeds 63 bits: " + layout);
    }

    /** Whether a reader or a host names {@code page}: it then has a role of its own. */
    private static boolean named(Scenario scenario, int page) {
        for (ZeropadReader r : scenario.readers()) if (r.page() == page || r.page() + 1 == page) return true;
        for (HostActor h : scenario.hosts()) if (h.page() == page) return true;
        return false;
    }

    /**
     * For each pc: whether a converter at that pc (running, or cleaning up when {@code cleaning}) can no
     * longer take a step whose effect depends on the order of its pages (see the class comment).
     */
    private static boolean[] settled(ConverterProgram prog, Scenario scenario, boolean cleaning) {
        int n = prog.size();
        boolean[] out = new boolean[n + 1];
        boolean orderAhead = false;
        boolean failureAhead = false;
        out[n] = true;
        for (int pc = n - 1; pc >= 0; pc--) {
            ConverterProgram.Op op = prog.ops().get(pc);
            orderAhead |= orderDependent(op);
            failureAhead |= op.kind() == ConverterProgram.Op.Kind.STEP
                    && (op.primitive() == Primitive.ACCEPT || scenario.mayFail().contains(op.primitive()));
            boolean reuseAhead = scenario.onError() == ErrorPath.FREE && (cleaning || failureAhead);
            out[pc] = !orderAhead && !reuseAhead;
        }
        return out;
    }

    /** A step over the converter's pages whose outcome depends on the order it takes them in. */
    private static boolean orderDependent(ConverterProgram.Op op) {
        return switch (op.kind()) {
            case OWNER_WRITE, OWNER_READ, REUSE_WRITE -> true;
            case STEP -> switch (op.primitive()) {
                case FLUSH_CACHE, PVALIDATE, RESCIND -> true;
                case ACCEPT -> op.always();   // after a failure it keeps the pages accepted before the first it cannot
                default -> false;
            };
        };
    }

    /** Whether any pages are interchangeable. */
    boolean any() {
        return classes.length > 0;
    }

    /** The page classes (each ascending), for tests and {@link PackedReductions}. */
    int[][] classes() {
        return Arrays.stream(classes).map(int[]::clone).toArray(int[][]::new);
    }

    /** The CPUs as {@link #key} takes their TLB entries: each fixed CPU alone, then each CPU class. */
    int[][] cpuSlots() {
        return Arrays.stream(cpuSlots).map(int[]::clone).toArray(int[][]::new);
    }

    /** Whether class {@code k} may be permuted when its converter is in state (pc, status ordinal). */
    boolean settled(int k, int pc, int status) {
        if (converterOf[k] < 0) return true;
        return switch (STATUSES[status]) {
            case RUNNING -> pc < settledRunning[k].length && settledRunning[k][pc];
            case CLEANING_UP -> pc < settledCleaning[k].length && settledCleaning[k][pc];
            case DONE, FAILED_LEAKED -> true;
            // at the reuse index the allocator's reuse write is still ahead (its pc is the program's size)
            case FAILED_FREED -> pc != settledRunning[k].length - 1;
        };
    }

    /** The converter of class {@code k}, or -1. */
    int converterOf(int k) {
        return converterOf[k];
    }

    /** The sort key of {@code page}: its own fields, then its TLB entries with each CPU class's sorted. */
    long key(PageFields f, int page, int[] scratch) {
        long k = 0;
        for (int mi = 0; mi < layout.pteMappings(); mi++) k = (k << 2) | f.pte(mi, page);
        k = (k << 2) | f.hv(page);
        k = (k << 3) | f.contents(page);
        k = (k << 2) | f.line(page, Attribute.PRIVATE);
        k = (k << 2) | f.line(page, Attribute.SHARED);
        for (int mi = 0; mi < layout.mappings(); mi++) {
            for (int[] slot : cpuSlots) {
                for (int j = 0; j < slot.length; j++) scratch[j] = f.tlb(slot[j], mi, page);
                if (slot.length > 1) Arrays.sort(scratch, 0, slot.length);
                for (int j = 0; j < slot.length; j++) k = (k << 2) | scratch[j];
            }
        }
        return k;
    }

    /**
     * The order to give class {@code k}'s pages: {@code order[j]} is the position in the class of the page
     * whose fields go to the class's j-th page; null when the class is already in order. Stable.
     */
    int[] order(PageFields f, int k, int[] scratch) {
        int[] cls = classes[k];
        int n = cls.length;
        long[] key = new long[n];
        boolean sorted = true;
        for (int j = 0; j < n; j++) {
            key[j] = key(f, cls[j], scratch);
            if (j > 0 && key[j] < key[j - 1]) sorted = false;
        }
        if (sorted) return null;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            int j = i;
            while (j > 0 && key[i] < key[order[j - 1]]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        return order;
    }

    /** Scratch for {@link #key}: one entry per CPU. */
    int[] scratch() {
        return new int[layout.cpus()];
    }

    /** {@code s} with each settled class's pages sorted. */
    PageState canonical(PageState s, HvPage[] hvStates) {
        if (classes.length == 0) return s;
        PageFields f = objectFields(s, hvStates);
        int[] scratch = scratch();
        Pte[] ptes = null;
        TlbEntry[] tlb = null;
        CacheLines[] cache = null;
        HvPage[] hv = null;
        Content[] contents = null;
        for (int k = 0; k < classes.length; k++) {
            int conv = converterOf[k];
            if (conv >= 0 && !settled(k, s.converters[conv].pc(), s.converters[conv].status().ordinal())) continue;
            int[] order = order(f, k, scratch);
            if (order == null) continue;
            if (ptes == null) {
                ptes = s.ptes.clone();
                tlb = s.tlb.clone();
                cache = s.cache.clone();
                hv = s.hv.clone();
                contents = s.contents.clone();
            }
            int[] cls = classes[k];
            for (int j = 0; j < cls.length; j++) {
                int dst = cls[j];
                int src = cls[order[j]];
                for (int mi = 0; mi < layout.pteMappings(); mi++) {
                    ptes[mi * layout.pages() + dst] = s.ptes[mi * layout.pages() + src];
                }
                for (int cpu = 0; cpu < layout.cpus(); cpu++) {
                    for (int mi = 0; mi < layout.mappings(); mi++) {
                        tlb[layout.tlbIndexAt(cpu, mi, dst)] = s.tlb[layout.tlbIndexAt(cpu, mi, src)];
                    }
                }
                cache[dst] = s.cache[src];
                hv[dst] = s.hv[src];
                contents[dst] = s.contents[src];
            }
        }
        if (ptes == null) return s;
        return new PageState(layout, ptes, tlb, cache, hv, contents, s.converters, s.readers, s.events, s.crash);
    }

    private static PageFields objectFields(PageState s, HvPage[] hvStates) {
        Layout l = s.layout;
        return new PageFields() {
            @Override public int pte(int mapping, int page) { return s.ptes[mapping * l.pages() + page].code(); }
            @Override public int hv(int page) {
                for (int i = 0; i < hvStates.length; i++) if (hvStates[i] == s.hv[page]) return i;
                throw new IllegalArgumentException(s.hv[page] + " is not a state of this platform");
            }
            @Override public int contents(int page) { return s.contents[page].ordinal(); }
            @Override public int line(int page, Attribute key) { return s.cache[page].get(key).ordinal(); }
            @Override public int tlb(int cpu, int mapping, int page) { return s.tlb[l.tlbIndexAt(cpu, mapping, page)].ordinal(); }
        };
    }
}
