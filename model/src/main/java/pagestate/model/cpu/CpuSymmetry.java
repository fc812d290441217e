package pagestate.model.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU symmetry a scenario implies: CPUs that run no converter and either nothing or exactly one
 * zeropad reader of the same page through the same mapping are interchangeable, each together with its TLB rows and its reader.
 * Derived, not declared: the rules treat every CPU alike except through the actors that run on it
 * (docs/model.md section 3: per-CPU state is the TLB; 4: fills, evictions, IPI flushes and vm_unmap_aliases() hit any
 * or every CPU the same way; 5: an access depends on its own CPU's TLB only). So permuting such CPUs (and
 * their readers) maps successors to successors, and every property, which quantifies over all CPUs and
 * readers alike, keeps its value. A converter's CPU is never permuted: its steps translate through its
 * own TLB.
 *
 * <p>Canonical form: within each class, the (TLB rows, reader state) tuples are sorted and given back to
 * the class's CPUs in ascending order: a sort, not a search over permutations.
 */
final class CpuSymmetry {

    private final Layout layout;
    private final int[][] classes;      // CPUs of each class, ascending; only classes of 2 or more
    private final int[] readerOnCpu;    // reader index running on a CPU, or -1
    private final int row;              // TLB entries per CPU

    CpuSymmetry(Scenario scenario, Layout layout) {
        this.layout = layout;
        this.row = layout.mappings() * layout.pages();
        this.readerOnCpu = new int[layout.cpus()];
        Arrays.fill(readerOnCpu, -1);
        int[] readers = new int[layout.cpus()];
        boolean[] fixed = new boolean[layout.cpus()];
        for (Converter c : scenario.converters()) fixed[c.cpu()] = true;
        for (int i = 0; i < scenario.readers().size(); i++) {
            int cpu = scenario.readers().get(i).cpu();
            readerOnCpu[cpu] = i;
            if (++readers[cpu] > 1) fixed[cpu] = true;
        }
        Map<Integer, List<Integer>> byPage = new LinkedHashMap<>();
        for (int cpu = 0; cpu < layout.cpus(); cpu++) {
            if (fixed[cpu]) continue;
            // readers of the same page through the same mapping act alike
            ZeropadReader r = readerOnCpu[cpu] < 0 ? null : scenario.readers().get(readerOnCpu[cpu]);
            int role = r == null ? -1 : r.page() * Mapping.values().length + r.via().ordinal();
            byPage.computeIfAbsent(role, k -> new ArrayList<>()).add(cpu);
        }
        this.classes = byPage.values().stream().filter(l -> l.size() > 1)
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** Whether any CPUs are interchangeable. */
    boolean any() {
        return classes.length > 0;
    }

    /** The readers that run on interchangeable CPUs: the symmetry may exchange them. */
    List<Integer> exchangedReaders() {
        List<Integer> out = new ArrayList<>();
        for (int[] c : classes) for (int cpu : c) if (readerOnCpu[cpu] >= 0) out.add(readerOnCpu[cpu]);
        return out;
    }

    /** The reader that runs on {@code cpu}, or -1 (for a CPU of a class: its only one). */
    int readerOn(int cpu) {
        return readerOnCpu[cpu];
    }

    /** The CPU classes (each ascending), for tests and {@link PackedReductions}. */
    int[][] classes() {
        return Arrays.stream(classes).map(int[]::clone).toArray(int[][]::new);
    }

    PageState canonical(PageState s) {
        TlbEntry[] tlb = null;
        ReaderState[] readers = null;
        for (int[] cls : classes) {
            long[] keys = new long[cls.length];
            for (int k = 0; k < cls.length; k++) keys[k] = key(s, cls[k]);
            int[] order = ascending(keys);
            if (order == null) continue;
            if (tlb == null) {
                tlb = s.tlb.clone();
                readers = s.readers.clone();
            }
            for (int k = 0; k < cls.length; k++) {
                int src = cls[order[k]];
                int dst = cls[k];
                System.arraycopy(s.tlb, src * row, tlb, dst * row, row);
                if (readerOnCpu[dst] >= 0) readers[readerOnCpu[dst]] = s.readers[readerOnCpu[src]];
            }
        }
        if (tlb == null) return s;
        return new PageState(layout, s.ptes, tlb, s.cache, s.hv, s.contents, s.converters, readers, s.events, s.crash);
    }

    /** A CPU's TLB row (2 bits an entry, at most 12 entries) and its reader's state (6 bits): a total order. */
    private long key(PageState s, int cpu) {
        long k = 0;
        for (int i = 0; i < row; i++) k = (k << 2) | s.tlb[cpu * row + i].ordinal();
        int r = readerOnCpu[cpu];
        if (r >= 0) k = (k << 6) | (s.readers[r].done() ? 32 : 0) | s.readers[r].outcome().ordinal();
        return k;
    }

    /** Positions of {@code keys} in ascending key order (insertion sort: classes have at most 4 CPUs), or null when already ascending. */
    private static int[] ascending(long[] keys) {
        boolean sorted = true;
        for (int i = 1; i < keys.length; i++) sorted &= keys[i - 1] <= keys[i];
        if (sorted) return null;
        int[] order = new int[keys.length];
        for (int i = 0; i < order.length; i++) {
            int j = i;
            while (j > 0 && keys[order[j - 1]] > keys[i]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        return order;
    }
}
