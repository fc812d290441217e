package pagestate.model.cpu;

import pagestate.model.SystemModel;

/**
 * One call of {@link PackedSuccessors#successors}: the parent's view, the successor's view over the sink's
 * buffer, the sink. Kept per thread and reset per state (two views and a call per state were 41% of the
 * unreduced search's allocation); a nested call on the same thread (a sink that expands again) takes a
 * fresh one. It holds no reference to its {@link PackedSuccessors}: a thread's value must not keep its
 * {@link ThreadLocal} alive once the model is dropped.
 */
final class SuccessorCall extends SuccessorCallFields {
    @SuppressWarnings("unused")   // after the fields: PaddedFields
    private long p0, p1, p2, p3, p4, p5, p6, p7;

    SuccessorCall(StateWords f, HvPage[] hvStates, int[] hvIndex, PackedReductions reductions, int words,
                  int hardwareActor) {
        super(f, hvStates, hvIndex, reductions, words, hardwareActor);
    }

    SuccessorCall reset(long[] state, int offset, boolean canonical, long watched, SystemModel.EncodedSink sink) {
        this.state = state;
        this.watched = watched;
        this.offset = offset;
        this.out = sink.buffer();
        this.canonical = canonical;
        this.sink = sink;
        if (canonical && scratch == null) scratch = reductions.scratch();
        hasParentForm = false;
        parent.on(state, offset);
        next.on(out, 0);
        busy = true;
        return this;
    }

    /**
     * Lets go of the state, the sink and the views' arrays: a thread's call outlives its check (until
     * the thread's map drops it), and must not keep a frontier page or a worker's buffer alive.
     */
    void release() {
        state = null;
        out = null;
        sink = null;
        parent.on(null, 0);
        next.on(null, 0);
        busy = false;
    }

    /** The successor starts as a copy of the parent. */
    PackedEdit begin() {
        System.arraycopy(state, offset, out, 0, words);
        return next;
    }

    /**
     * Reports the successor, by an action of partial-order unit {@code unit} ({@link PageAction#unit()}) and
     * kind {@code kind} ({@link ActionKinds}).
     */
    void accept(int unit, int kind) {
        if (canonical) reductions.canonical(out, scratch, watched);
        // PageFootprints: units past the actors are hardware's
        sink.accept(unit, unit < hardwareActor ? unit : hardwareActor, kind);
    }

    /**
     * Reports a successor whose canonical form is the parent's (a hardware move that only changes what
     * the form merges), by copying that form, computed once: the same words as {@link #begin()}, the
     * move and {@link #accept(int, int)} give, without sorting again.
     */
    void acceptParentForm(int unit, int kind) {
        if (!hasParentForm) {
            System.arraycopy(state, offset, out, 0, words);
            reductions.canonical(out, scratch, watched);
            if (parentForm == null) parentForm = new long[words + 2 * PAD_ELEMENTS];
            System.arraycopy(out, 0, parentForm, PAD_ELEMENTS, words);
            hasParentForm = true;
        } else {
            System.arraycopy(parentForm, PAD_ELEMENTS, out, 0, words);
        }
        sink.accept(unit, hardwareActor, kind);
    }
}
