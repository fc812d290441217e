package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A random product of small processes over shared boolean variables, declaring both reductions:
 * processes built from the same template are interchangeable (canonical form: their local states
 * sorted), and each process is a partial-order unit whose future footprint is every transition reachable
 * in its template's local graph from its current local state (guards ignored, an over-approximation).
 * Properties are symmetric by construction: they look at shared variables and at how many processes of
 * a template sit in a local state.
 */
final class ProductSystem implements TransitionSystem<Long, ProductSystem.Move> {

    /** A local transition: from, to, a guard (variable == value, or none) and a write (variable := value, or none). */
    record Local(int from, int to, int guardVar, int guardVal, int writeVar, int writeVal) { }

    record Move(int process, int transition, long from, long to) { }

    /** bad iff the masked variables have the given values and count(template, local) >= threshold. */
    record Condition(int varMask, int varValues, int template, int local, int threshold) {
        boolean test(ProductSystem sys, long s) {
            return (sys.vars(s) & varMask) == varValues && sys.count(s, template, local) >= threshold;
        }
    }

    static final int LOCAL_BITS = 3;

    final int processes;
    final int vars;
    final int[] template;                      // template of each process
    final List<List<Local>> templates = new ArrayList<>();
    final List<Condition> bad = new ArrayList<>();
    final List<Condition> goals = new ArrayList<>();
    final List<Set<Integer>> fair = new ArrayList<>();
    final Condition terminal;
    final boolean declareSymmetry;
    final boolean declareIndependence;
    boolean localFair;

    private ProductSystem(int processes, int vars, int[] template, Condition terminal, boolean sym, boolean ind) {
        this.processes = processes;
        this.vars = vars;
        this.template = template;
        this.terminal = terminal;
        this.declareSymmetry = sym;
        this.declareIndependence = ind;
    }

    static ProductSystem random(long seed, boolean symmetry, boolean independence) {
        return random(seed, symmetry, independence, false);
    }

    /**
     * @param localFair no guards (each process's enabledness depends on its own local state only, so
     *                  {@link #exchangedEnablednessIsLocal} holds) and every liveness property treats every
     *                  process fairly
     */
    static ProductSystem random(long seed, boolean symmetry, boolean independence, boolean localFair) {
        Random r = new Random(seed);
        int processes = 2 + r.nextInt(3);
        int vars = 1 + r.nextInt(3);
        int templateCount = 1 + r.nextInt(2);
        int[] template = new int[processes];
        for (int p = 0; p < processes; p++) template[p] = r.nextInt(templateCount);
        Condition terminal = condition(r, vars, templateCount, 0.5);
        ProductSystem s = new ProductSystem(processes, vars, template, terminal, symmetry, independence);
        s.localFair = localFair;
        for (int t = 0; t < templateCount; t++) {
            int locals = 2 + r.nextInt(4);
            List<Local> list = new ArrayList<>();
            int count = 1 + r.nextInt(2 * locals);
            for (int k = 0; k < count; k++) {
                boolean guard = r.nextDouble() < 0.3 && !localFair;
                boolean write = r.nextDouble() < 0.4;
                list.add(new Local(r.nextInt(locals), r.nextInt(locals), guard ? r.nextInt(vars) : -1, r.nextInt(2),
                        write ? r.nextInt(vars) : -1, r.nextInt(2)));
            }
            s.templates.add(list);
        }
        int props = 1 + r.nextInt(3);
        for (int p = 0; p < props; p++) s.bad.add(condition(r, vars, templateCount, 0.3));
        int live = r.nextInt(2);
        for (int p = 0; p < live; p++) {
            s.goals.add(condition(r, vars, templateCount, 0.5));
            Set<Integer> f = new TreeSet<>();
            for (int a = 0; a < processes; a++) if (r.nextBoolean() || localFair) f.add(a);
            s.fair.add(f);
        }
        return s;
    }

    private static Condition condition(Random r, int vars, int templates, double varChance) {
        int mask = 0;
        for (int v = 0; v < vars; v++) if (r.nextDouble() < varChance) mask |= 1 << v;
        // half of the conditions look at shared variables only, so that local steps can be invisible
        int threshold = r.nextBoolean() ? 0 : 1 + r.nextInt(2);
        return new Condition(mask, r.nextInt(1 << vars) & mask, r.nextInt(templates), r.nextInt(4), threshold);
    }

    int local(long s, int p) {
        return (int) (s >>> (p * LOCAL_BITS)) & ((1 << LOCAL_BITS) - 1);
    }

    int vars(long s) {
        return (int) (s >>> (processes * LOCAL_BITS));
    }

    int count(long s, int t, int local) {
        int n = 0;
        for (int p = 0; p < processes; p++) if (template[p] == t && local(s, p) == local) n++;
        return n;
    }

    private long withLocal(long s, int p, int local) {
        long mask = ((1L << LOCAL_BITS) - 1) << (p * LOCAL_BITS);
        return (s & ~mask) | ((long) local << (p * LOCAL_BITS));
    }

    private long withVar(long s, int v, int value) {
        long bit = 1L << (processes * LOCAL_BITS + v);
        return value == 1 ? s | bit : s & ~bit;
    }

    @Override
    public List<Long> initialStates() {
        return List.of(0L);
    }

    @Override
    public void successors(Long state, SuccessorSink<Long, Move> sink) {
        long s = state;
        for (int p = 0; p < processes; p++) {
            List<Local> ts = templates.get(template[p]);
            for (int k = 0; k < ts.size(); k++) {
                Local t = ts.get(k);
                if (local(s, p) != t.from()) continue;
                if (t.guardVar() >= 0 && ((vars(s) >>> t.guardVar()) & 1) != t.guardVal()) continue;
                long next = withLocal(s, p, t.to());
                if (t.writeVar() >= 0) next = withVar(next, t.writeVar(), t.writeVal());
                sink.accept(new Move(p, k, s, next), next);
            }
        }
    }

    @Override
    public int actorOf(Move action) {
        return action.process();
    }

    @Override
    public List<String> actorNames() {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < processes; p++) names.add("p" + p);
        return names;
    }

    @Override
    public List<Invariant<Long>> invariants() {
        List<Invariant<Long>> out = new ArrayList<>();
        for (int i = 0; i < bad.size(); i++) {
            Condition c = bad.get(i);
            out.add(Invariant.of("inv" + i, s -> !c.test(this, s)));
        }
        return out;
    }

    @Override
    public List<Eventually<Long>> liveness() {
        List<Eventually<Long>> out = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            Condition c = goals.get(i);
            String name = "live" + i;
            out.add(new Eventually<>(name, s -> c.test(this, s), fair.get(i), s -> name));
        }
        return out;
    }

    @Override
    public boolean isTerminal(Long state) {
        return terminal.test(this, state);
    }

    @Override
    public StateCodec<Long> codec() {
        return new StateCodec<>() {
            @Override public int words() { return 1; }
            @Override public void encode(Long s, long[] out, int offset) { out[offset] = s; }
            @Override public Long decode(long[] in, int offset) { return in[offset]; }
        };
    }

    /** Sorts the local states of the processes of each template (they are interchangeable). */
    @Override
    public Long canonical(Long state) {
        if (!declareSymmetry) return state;
        long s = state;
        for (int t = 0; t < templates.size(); t++) {
            int[] locals = new int[processes];
            int n = 0;
            for (int p = 0; p < processes; p++) if (template[p] == t) locals[n++] = local(s, p);
            int[] sorted = Arrays.copyOf(locals, n);
            Arrays.sort(sorted);
            int k = 0;
            for (int p = 0; p < processes; p++) if (template[p] == t) s = withLocal(s, p, sorted[k++]);
        }
        return s;
    }

    /** Without guards a process is enabled exactly when its template has a transition from its local state. */
    @Override
    public boolean exchangedEnablednessIsLocal() {
        return localFair;
    }

    /** Processes that share their template with another: the symmetry exchanges them. */
    @Override
    public Set<Integer> exchangedActors() {
        Set<Integer> out = new TreeSet<>();
        if (!declareSymmetry) return out;
        for (int p = 0; p < processes; p++) {
            for (int q = 0; q < processes; q++) if (q != p && template[q] == template[p]) out.add(p);
        }
        return out;
    }

    @Override
    public Independence<Long, Move> independence() {
        if (!declareIndependence) return null;
        return new Independence<>() {
            @Override public int units() { return processes; }
            @Override public int words() { return 1; }
            @Override public int unitOf(Long state, Move action) { return action.process(); }

            @Override
            public void footprint(Long state, int unit, long[] reads, long[] writes) {
                List<Local> ts = templates.get(template[unit]);
                boolean[] reach = new boolean[1 << LOCAL_BITS];
                reach[local(state, unit)] = true;
                boolean grew = true;
                while (grew) {
                    grew = false;
                    for (Local t : ts) {
                        if (reach[t.from()] && !reach[t.to()]) {
                            reach[t.to()] = true;
                            grew = true;
                        }
                    }
                }
                for (Local t : ts) {
                    if (!reach[t.from()]) continue;
                    reads[0] |= 1L << unit;
                    writes[0] |= 1L << unit;
                    if (t.guardVar() >= 0) reads[0] |= 1L << (processes + t.guardVar());
                    if (t.writeVar() >= 0) writes[0] |= 1L << (processes + t.writeVar());
                }
            }

            @Override
            public void invariantReads(int invariant, long[] reads) {
                Condition c = bad.get(invariant);
                reads[0] |= (long) c.varMask() << processes;
                if (c.threshold() > 0) {
                    for (int p = 0; p < processes; p++) if (template[p] == c.template()) reads[0] |= 1L << p;
                }
            }
        };
    }

    /** Whether {@code t} is a path of the unreduced system from an initial state. */
    boolean valid(Trace<Long, Move> t) {
        if (!initialStates().contains(t.initial())) return false;
        long cur = t.initial();
        for (Trace.Step<Long, Move> step : t.steps()) {
            long from = cur;
            boolean[] found = {false};
            successors(from, (m, next) -> found[0] |= m.equals(step.action()) && next.equals(step.state()));
            if (!found[0]) return false;
            cur = step.state();
        }
        return true;
    }
}
