package pagestate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * Coverage, counted on every transition generated, through {@link #successors} or the encoded successors:
     * per actor (through {@link #successors}), per step of the first converter's program, and per actor and
     * kind of action ({@link ModelAction#kind()}), by name through {@link #successors} and by the index of
     * the model's {@link SystemModel#encodedKinds} through the encoded successors (which also give the
     * actor's count: the sum of its kinds').
     */
    private final LongAdder[] actorFired;
    private final LongAdder[] stepFired;
    private final List<ConcurrentHashMap<String, LongAdder>> kindFired;
    private final List<String> encodedKinds;
    private final EncodedCoverage encodedFired;

    ModelSystem(SystemModel<S, A> model, Set<String> checked) {
        // the watched properties are a 64-bit mask over the names (Reductions.canonical(s, watched))
        if (PropertyName.values().length > 64) throw new IllegalStateException("more than 64 property names");
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
        this.encodedKinds = model.encodedKinds();
        this.encodedFired = new EncodedCoverage(actorFired.length, encodedKinds.size(), stepFired.length);
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) a[i] = new LongAdder();
        return a;
    }

    /** How often each actor fired so far (every transition of the safety search), by actor index. */
    long[] actorsFired() {
        long[] out = new long[actorFired.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = actorFired[i].sum();
            for (int k = 0; k < encodedKinds.size(); k++) out[i] += encodedFired.fired(i, k);
        }
        return out;
    }

    /** How often each step of the first converter's program fired so far, by program counter. */
    long[] stepsFired() {
        long[] out = new long[stepFired.length];
        for (int pc = 0; pc < out.length; pc++) out[pc] = stepFired[pc].sum() + encodedFired.step(pc);
        return out;
    }

    /** Per actor (by index), how often it did each kind of action so far, by kind in alphabetical order. */
    List<SortedMap<String, Long>> kindsFired() {
        List<SortedMap<String, Long>> out = new ArrayList<>();
        for (int i = 0; i < kindFired.size(); i++) {
            SortedMap<String, Long> counts = new TreeMap<>();
            kindFired.get(i).forEach((kind, n) -> counts.put(kind, n.sum()));
            for (int k = 0; k < encodedKinds.size(); k++) {
                long n = encodedFired.fired(i, k);
                if (n > 0) counts.merge(encodedKinds.get(k), n, Long::sum);
            }
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

    /** Uncounted: a counterexample's replay is no exploration. */
    @Override
    public void replaySuccessors(S state, SuccessorSink<S, A> sink) {
        model.successors(state, sink::accept);
    }

    @Override
    public void successors(S state, SuccessorSink<S, A> sink) {
        int pc = stepFired.length > 0 ? model.programPc(state) : -1;   // one state: one pc for all its successors
        model.successors(state, (a, n) -> {
            int actor = a.actor();
            if (actor >= 0 && actor < actorFired.length) {
                actorFired[actor].increment();
                var kinds = kindFired.get(actor);
                LongAdder kind = kinds.get(a.kind());
                if (kind == null) kind = kinds.computeIfAbsent(a.kind(), k -> new LongAdder());
                kind.increment();
            }
            step(actor, pc);
            sink.accept(a, n);
        });
    }

    /** Coverage of one step of the first program: a transition by {@code actor} from a state where it is at {@code pc}. */
    private void step(int actor, int pc) {
        if (actor == 0 && pc >= 0 && pc < stepFired.length) stepFired[pc].increment();
    }

    /**
     * The model's encoded successors, counted as {@link #successors} counts them (by the kind's index); a
     * model whose encoded successors report no kinds is expanded through {@link #successors}, where they are.
     */
    @Override
    public boolean encodedSuccessors(long[] state, int offset, boolean canonical, EncodedSink sink) {
        return encoded(state, offset, canonical, -1L, sink);   // every property watched, as canonical(S)
    }

    @Override
    public boolean encodedSuccessors(long[] state, int offset, boolean canonical, long open, EncodedSink sink) {
        return encoded(state, offset, canonical, watched(open), sink);
    }

    private boolean encoded(long[] state, int offset, boolean canonical, long watched, EncodedSink sink) {
        if (encodedKinds.isEmpty()) return false;
        if (canonical && reductions == null) canonical = false;   // no reductions: canonical is the identity
        int pc = stepFired.length > 0 ? model.encodedProgramPc(state, offset) : -1;
        EncodedCoverage.Counts counting = encodedFired.counts();
        EncodedSink outer = counting.sink();   // null unless this call is nested in another on this thread
        int outerPc = counting.pc();
        counting.aim(sink, pc);
        try {
            return model.encodedSuccessors(state, offset, canonical, watched, counting);
        } finally {
            counting.aim(outer, outerPc);
        }
    }

    /** Uncounted, as {@link #replaySuccessors}: a liveness pass over states the safety search walked. */
    @Override
    public boolean encodedReplaySuccessors(long[] state, int offset, boolean canonical, long open, EncodedSink sink) {
        if (canonical && reductions == null) canonical = false;   // no reductions: canonical is the identity
        return model.encodedSuccessors(state, offset, canonical, watched(open), new SystemModel.EncodedSink() {
            @Override public long[] buffer() { return sink.buffer(); }
            @Override public void accept() { sink.accept(); }
            @Override public void accept(int unit) { sink.accept(unit); }
            @Override public void accept(int unit, int actor) { sink.accept(unit, actor); }
        });
    }

    @Override
    public boolean encodedActors() {
        return !encodedKinds.isEmpty() && model.encodedActors();
    }

    @Override
    public int encodedGoal(int property, long[] state, int offset) {
        return model.encodedHolds(livenessNames.get(property), state, offset);
    }

    @Override
    public boolean encodedUnits() {
        return reductions != null && !encodedKinds.isEmpty() && model.encodedUnits();
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

    /**
     * The canonical form when the checked invariants in {@code open} still need checking: detail only
     * properties the spec does not check, or that are already violated, read may merge. (The forms
     * without a mask, {@link #canonical(Object)}, watch every property, checked or not: a system with other
     * invariants, as the repair search's, may use them.)
     */
    @Override
    public S canonical(S state, long open) {
        return reductions == null ? state : reductions.canonical(state, watched(open));
    }

    @Override
    public S merged(S state, long open) {
        return reductions == null ? state : reductions.merged(state, watched(open));
    }

    /** The invariants whose properties may coarsen the model's forms when they close. */
    @Override
    public long formInvariants() {
        if (reductions == null) return 0;
        long properties = reductions.formProperties();
        long out = 0;
        for (int i = 0; i < Math.min(64, invariantNames.size()); i++) {
            if ((properties >>> invariantNames.get(i).ordinal() & 1) != 0) out |= 1L << i;
        }
        return out;
    }

    /**
     * The model's watched properties (a mask over {@link PropertyName#ordinal()}) for the engine's open
     * invariants (bit i: invariant i; from the 64th on always open). Liveness goals are not named: every
     * form keeps them.
     */
    private long watched(long open) {
        long watched = 0;
        for (int i = 0; i < invariantNames.size(); i++) {
            if (i >= 64 || (open >>> i & 1) != 0) watched |= 1L << invariantNames.get(i).ordinal();
        }
        return watched;
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
