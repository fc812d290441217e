package pagestate.model.cpu;

/**
 * A state being changed by one step: what the rules ({@link Accesses}, {@link ConverterSteps}) read and
 * write, so that each rule is written once. Two implementations: {@link PageState.Editor} copies the
 * immutable state (the reference semantics, used by traces and explain), {@link PackedEdit} changes the
 * encoded words in place (the checker's hot path). Reads see the edits made so far.
 */
interface StateEdit {

    Layout layout();

    TlbEntry tlbNow(int cpu, Mapping m, int page);

    Pte pteNow(Mapping m, int page);

    CacheLines cacheNow(int page);

    HvPage hvNow(int page);

    Content contentsNow(int page);

    StateEdit tlb(int cpu, Mapping m, int page, TlbEntry e);

    StateEdit pte(Mapping m, int page, Pte pte);

    StateEdit cache(int page, CacheLines lines);

    StateEdit hv(int page, HvPage h);

    StateEdit contents(int page, Content c);

    /** Records that {@code cause} happened; a fatal cause also ends the guest. */
    StateEdit happen(Cause cause);

    /** Whether the guest has died (in the state so far). */
    boolean crashedNow();

    /** Sets converter {@code i}'s state. */
    StateEdit converter(int i, int pc, ConverterState.Status status, Cause last);
}
