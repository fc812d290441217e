package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The candidate persistent sets of a state, from the units' future footprints ({@link Independence}).
 * Conflict is symmetric (one unit may write what the other reads or writes), so the conflict closure of
 * a unit is its connected component in the conflict graph: the components are found with a union-find
 * over the footprint bits (all writers of a bit are joined, and every reader with a writer). Each
 * component that owns an enabled action gives one candidate: the enabled actions of its units. One
 * instance per worker (it owns scratch buffers).
 */
final class PersistentSets<S, A> {

    private final Independence<S, A> independence;
    private final int units;
    private final int words;
    /** Every unit's footprint, {@link #words} a unit: allocated at the first state (units x words may be large). */
    private long[] reads;
    private long[] writes;
    private final int[] parent;
    private final int[] firstWriter;
    /** Whether a unit's footprint in the current state is in {@link #reads} and {@link #writes}. */
    private final boolean[] computed;
    private final long[] r;
    private final long[] w;
    private final long[][] invariantReads;
    private final long[] visible;
    /** The state whose candidates are being found: an object, or encoded words (then {@link #state} is null). */
    private S state;
    private long[] encoded;
    private int offset;

    /**
     * @param invariants how many invariants the system has (their reads decide visibility)
     */
    PersistentSets(Independence<S, A> independence, int invariants) {
        this.independence = independence;
        this.units = independence.units();
        this.words = independence.words();
        this.parent = new int[units];
        this.firstWriter = new int[words * 64];
        this.computed = new boolean[units];
        this.r = new long[words];
        this.w = new long[words];
        this.invariantReads = new long[invariants][];
        for (int p = 0; p < invariants; p++) {
            invariantReads[p] = new long[words];
            independence.invariantReads(p, invariantReads[p]);
        }
        this.visible = new long[words];
    }

    /**
     * The invisible candidates for {@code state} whose enabled actions are {@code actions[0..n)}: arrays
     * of action positions, ascending, smallest candidate first (first action position on ties). A
     * candidate is invisible when none of its units may write what an invariant with {@code done[p]}
     * false reads. The set of all enabled actions is never a candidate (it is no reduction).
     */
    List<int[]> candidates(S state, List<A> actions, boolean[] done) {
        int n = actions.size();
        int[] units = new int[n];
        for (int i = 0; i < n; i++) units[i] = independence.unitOf(state, actions.get(i));
        return candidates(state, units, n, done);
    }

    /** As {@link #candidates(Object, List, boolean[])}, given the unit of each enabled action ({@code units[0..n)}). */
    List<int[]> candidates(S state, int[] units, int n, boolean[] done) {
        this.state = state;
        this.encoded = null;
        return candidates(units, n, done);
    }

    /**
     * As {@link #candidates(Object, int[], int, boolean[])} for the state encoded at {@code words[offset ..]},
     * with footprints on the words ({@link Independence#encodedFootprints()}).
     */
    List<int[]> candidates(long[] words, int offset, int[] units, int n, boolean[] done) {
        this.state = null;
        this.encoded = words;
        this.offset = offset;
        return candidates(units, n, done);
    }

    /** Whether the footprints can be found on encoded states ({@link Independence#encodedFootprints()}). */
    boolean encodedFootprints() {
        return independence.encodedFootprints();
    }

    private List<int[]> candidates(int[] units, int n, boolean[] done) {
        if (reads == null) {
            // not in the constructor: a search the time limit stops before its first state allocates none
            reads = new long[this.units * words];
            writes = new long[this.units * words];
        }
        java.util.Arrays.fill(visible, 0);
        for (int p = 0; p < invariantReads.length; p++) {
            if (done[p]) continue;
            for (int k = 0; k < words; k++) visible[k] |= invariantReads[p][k];
        }
        // a candidate is ruled out when one of its enabled actions' units writes a visible bit, so when
        // every enabled action's unit does, there is none: found from those units' footprints alone
        Arrays.fill(computed, false);
        boolean anyInvisible = false;
        for (int i = 0; i < n && !anyInvisible; i++) {
            int u = units[i];
            if (u < 0 || u >= this.units) throw new IllegalStateException("unitOf returned " + u + " of " + this.units + " units");
            footprint(u);
            anyInvisible = !writesVisible(u);
        }
        if (!anyInvisible) return List.of();
        components();
        int[] unitOf = new int[n];
        int[] rootCount = new int[this.units];
        for (int i = 0; i < n; i++) {
            int u = units[i];
            if (u < 0 || u >= this.units) throw new IllegalStateException("unitOf returned " + u + " of " + this.units + " units");
            unitOf[i] = find(u);
            rootCount[unitOf[i]]++;
        }
        boolean[] seen = new boolean[this.units];
        for (int i = 0; i < n; i++) {
            if (writesVisible(units[i])) seen[unitOf[i]] = true;      // a visible unit rules out its whole candidate
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int root = unitOf[i];
            if (seen[root] || rootCount[root] == n) continue;
            seen[root] = true;
            int[] set = new int[rootCount[root]];
            int k = 0;
            for (int j = i; j < n; j++) if (unitOf[j] == root) set[k++] = j;
            out.add(set);
        }
        out.sort((a, b) -> a.length != b.length ? Integer.compare(a.length, b.length) : Integer.compare(a[0], b[0]));
        return out;
    }

    private boolean writesVisible(int unit) {
        for (int k = 0; k < words; k++) if ((writes[unit * words + k] & visible[k]) != 0) return true;
        return false;
    }

    /** Computes unit {@code u}'s footprint in the current state into {@link #reads} and {@link #writes}, once per state. */
    private void footprint(int u) {
        if (computed[u]) return;
        Arrays.fill(r, 0);
        Arrays.fill(w, 0);
        if (encoded != null) independence.footprint(encoded, offset, u, r, w);
        else independence.footprint(state, u, r, w);
        System.arraycopy(r, 0, reads, u * words, words);
        System.arraycopy(w, 0, writes, u * words, words);
        computed[u] = true;
    }

    private void components() {
        for (int u = 0; u < units; u++) {
            parent[u] = u;
            footprint(u);
        }
        Arrays.fill(firstWriter, -1);
        for (int u = 0; u < units; u++) {
            for (int k = 0; k < words; k++) {
                for (long bits = writes[u * words + k]; bits != 0; bits &= bits - 1) {
                    int b = k * 64 + Long.numberOfTrailingZeros(bits);
                    if (firstWriter[b] < 0) firstWriter[b] = u; else union(u, firstWriter[b]);
                }
            }
        }
        for (int u = 0; u < units; u++) {
            for (int k = 0; k < words; k++) {
                for (long bits = reads[u * words + k]; bits != 0; bits &= bits - 1) {
                    int b = k * 64 + Long.numberOfTrailingZeros(bits);
                    if (firstWriter[b] >= 0) union(u, firstWriter[b]);
                }
            }
        }
    }

    private int find(int u) {
        while (parent[u] != u) {
            parent[u] = parent[parent[u]];
            u = parent[u];
        }
        return u;
    }

    private void union(int a, int b) {
        int x = find(a);
        int y = find(b);
        if (x != y) parent[Math.max(x, y)] = Math.min(x, y);
    }
}
