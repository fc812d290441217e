package pagestate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import pagestate.checker.Eventually;
import pagestate.checker.Invariant;
import pagestate.checker.StateCodec;
import pagestate.checker.TransitionSystem;
import pagestate.checker.Independence;
import pagestate.model.ModelAction;
import pagestate.model.PropertyName;
import pagestate.model.Reductions;
import pagestate.model.SystemModel;
import pagestate.model.SystemProperty;

/**
 * A seed system's model seen as a transition system by the engine: the only place where {@code model} and
 * {@code checker} meet. The properties the spec checks become invariants and liveness properties; no_fatal is
 * always an invariant where the system has it, because its verdict explains the others ("holds up to the
 * fatal outcomes"). Checking only what is asked also keeps partial-order reduction effective: an action
 * that writes what an unchecked property reads stays invisible.
 */
final class ModelSystem<S, A extends ModelAction> implements TransitionSystem<S, A> {

    private final SystemModel<S, A> model;
    private final List<Invariant<S>> invariants = new ArrayList<>();
    private final List<Eventually<S>> liveness = new ArrayList<>();
    private final List<PropertyName> invariantNames = new ArrayList<>();
    private final List<PropertyName> livenessNames = new ArrayList<>();
    private final Reductions<S, A> reductions;
    /** Coverage: transitions generated per actor, and per step of the first converter's program. */
    private final LongAdder[] actorFired;
    private final LongAdder[] stepFired;
    /** Coverage: per actor, transitions generated per kind of action ({@link ModelAction#kind()}). */
    private final List<ConcurrentHashMap<String, LongAdder>> kindFired;

    /**
     * For {@code check}: how many states are expanded through {@link #successors}, where coverage is counted,
     * before the encoded successors (which have no action to count) take over: every catalogue spec (at most
     * ~1,000 states) is counted whole, and a large model loses little speed.
     */
    static final long COUNTED_EXPANSIONS = 20_000;
    /** What is left of that budget; once spent it stays spent, so {@link #encodedUnits} and {@link #encodedSuccessors} agree. */
    private final AtomicLong countedLeft;

    /** A system whose coverage is counted only where the engine expands through {@link #successors} anyway. */
    ModelSystem(SystemModel<S, A> model, Set<String> checked) {
        this(model, checked, 0);
    }

    /** @param countedExpansions how many states to expand through {@link #successors} first, counted */
    ModelSystem(SystemModel<S, A> model, Set<String> checked, long countedExpansions) {
        this.countedLeft = new AtomicLong(countedExpansions);
        this.model = model;
        for (SystemProperty<S> p : model.properties()) {
            String name = p.name().specName();
            if (p.isLiveness()) {
                if (checked.contains(name)) {
                    liveness.add(new Eventually<>(name, p.holds(), p.fairActors(), p.cause()));
                    livenessNames.add(p.name());
                }
            } else if (checked.contains(name) || p.name() == PropertyName.NO_FATAL) {
                invariants.add(new Invariant<>(name, p.holds(), p.cause()));
                invariantNames.add(p.name());
            }
        }
        this.reductions = model.reductions();
        this.actorFired = adders(model.actorNames().size());
        this.stepFired = adders(model.isProgramActor(0) ? model.programSize() : 0);
        this.kindFired = new ArrayList<>();
        for (int i = 0; i < actorFired.length; i++) kindFired.add(new ConcurrentHashMap<>());
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) a[i] = new LongAdder();
        return a;
    }

    /** How often each actor fired so far (every transition generated, in every pass), by actor index. */
    long[] actorsFired() {
        return java.util.Arrays.stream(actorFired).mapToLong(LongAdder::sum).toArray();
    }

    /** How often each step of the first converter's program fired so far, by program counter. */
    long[] stepsFired() {
        return java.util.Arrays.stream(stepFired).mapToLong(LongAdder::sum).toArray();
    }

    /** Per actor (by index), how often it did each kind of action so far, by kind in alphabetical order. */
    List<java.util.SortedMap<String, Long>> kindsFired() {
        List<java.util.SortedMap<String, Long>> out = new ArrayList<>();
        for (var kinds : kindFired) {
            java.util.SortedMap<String, Long> counts = new java.util.TreeMap<>();
            kinds.forEach((kind, n) -> counts.put(kind, n.sum()));
            out.add(counts);
        }
        return out;
    }

    SystemModel<S, A> model() {
        return model;
    }

    @Override
    public List<S> initialStates() {
        return List.of(model.initialState());
    }

    @Override
    public void successors(S state, SuccessorSink<S, A> sink) {
        if (countedLeft.get() > 0) countedLeft.decrementAndGet();
        int pc = stepFired.length > 0 ? model.programPc(state) : -1;   // one state: one pc for all its successors
        model.successors(state, (a, n) -> {
            int actor = a.actor();
            count(actor, pc);
            if (actor >= 0 && actor < actorFired.length) {
                var kinds = kindFired.get(actor);
                LongAdder kind = kinds.get(a.kind());
                if (kind == null) kind = kinds.computeIfAbsent(a.kind(), k -> new LongAdder());
                kind.increment();
            }
            sink.accept(a, n);
        });
    }

    /** Coverage of one transition by {@code actor} from a state whose first program is at {@code pc}. */
    private void count(int actor, int pc) {
        if (actor >= 0 && actor < actorFired.length) actorFired[actor].increment();
        if (actor == 0 && pc >= 0 && pc < stepFired.length) stepFired[pc].increment();
    }

    @Override
    public boolean encodedSuccessors(long[] state, int offset, boolean canonical, EncodedSink sink) {
        if (countedLeft.get() > 0) return false;   // successors() expands it, and counts
        if (canonical && reductions == null) canonical = false;   // no reductions: canonical is the identity
        int pc = stepFired.length > 0 ? model.encodedProgramPc(state, offset) : -1;
        return model.encodedSuccessors(state, offset, canonical, new SystemModel.EncodedSink() {
            @Override public long[] buffer() { return sink.buffer(); }
            @Override public void accept() { sink.accept(); }
            @Override public void accept(int unit) { sink.accept(unit); }
            @Override public void accept(int unit, int actor) {
                count(actor, pc);   // coverage, as successors() counts it
                sink.accept(unit, actor);
            }
        });
    }

    @Override
    public boolean encodedActors() {
        return model.encodedActors();
    }

    @Override
    public int encodedGoal(int property, long[] state, int offset) {
        return model.encodedHolds(livenessNames.get(property), state, offset);
    }

    @Override
    public boolean encodedUnits() {
        if (countedLeft.get() > 0) return false;   // successors() expands it, and counts
        return reductions != null && model.encodedUnits();
    }

    @Override
    public int encodedHolds(int invariant, long[] state, int offset) {
        return model.encodedHolds(invariantNames.get(invariant), state, offset);
    }

    @Override
    public int actorOf(A action) {
        return action.actor();
    }

    @Override
    public List<String> actorNames() {
        return model.actorNames();
    }

    @Override
    public List<Invariant<S>> invariants() {
        return invariants;
    }

    @Override
    public List<Eventually<S>> liveness() {
        return liveness;
    }

    @Override
    public boolean isTerminal(S state) {
        return model.isTerminal(state);
    }

    @Override
    public StateCodec<S> codec() {
        return new StateCodec<>() {
            @Override
            public int words() {
                return model.words();
            }

            @Override
            public void encode(S state, long[] out, int offset) {
                model.encode(state, out, offset);
            }

            @Override
            public S decode(long[] in, int offset) {
                return model.decode(in, offset);
            }
        };
    }

    @Override
    public S canonical(S state) {
        return reductions == null ? state : reductions.canonical(state);
    }

    @Override
    public S merged(S state) {
        return reductions == null ? state : reductions.merged(state);
    }

    @Override
    public void settle(S state, SuccessorSink<S, A> sink) {
        if (reductions != null) reductions.settle(state, sink::accept);
    }

    @Override
    public boolean exchangedEnablednessIsLocal() {
        return reductions != null && reductions.exchangedEnablednessIsLocal();
    }

    @Override
    public Set<Integer> exchangedActors() {
        return reductions == null ? Set.of() : reductions.exchangedActors();
    }

    @Override
    public Independence<S, A> independence() {
        if (reductions == null) return null;
        return new Independence<>() {
            @Override public int units() { return reductions.units(); }
            @Override public int words() { return reductions.words(); }
            @Override public int unitOf(S state, A action) { return reductions.unitOf(action); }
            @Override public void footprint(S state, int unit, long[] r, long[] w) { reductions.footprint(state, unit, r, w); }
            @Override public boolean encodedFootprints() { return reductions.encodedFootprints(); }
            @Override public void footprint(long[] state, int offset, int unit, long[] r, long[] w) {
                reductions.footprint(state, offset, unit, r, w);
            }
            @Override public void invariantReads(int invariant, long[] r) { reductions.propertyReads(invariantNames.get(invariant), r); }
        };
    }
}
