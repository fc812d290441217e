package pagestate.checker;

/**
 * Sizes of the breadth-first search's buffers that change no result (states, transitions, verdicts
 * and traces are the same whatever they are), set small by tests to exercise every path.
 *
 * @param blockCandidates   about how many candidates one block of a level may hold (0: the default,
 *                          {@link BlockSizer#defaultBlockCandidates})
 * @param spillBytes        the frontier spills to file whenever the search holds more bytes than this
 *                          (0: the default of {@link SearchMemory}, half of what it may hold)
 * @param frontierPageShift a frontier page holds {@code 2^frontierPageShift} states (the unit of spilling)
 * @param compilerShare     when a block's expansion leaves a processor to the JIT compiler ({@link CompilerShare})
 */
record SearchTuning(long blockCandidates, long spillBytes, int frontierPageShift, CompilerShare.Mode compilerShare) {

    static final SearchTuning DEFAULT = new SearchTuning(0, 0, 14);

    SearchTuning(long blockCandidates, long spillBytes, int frontierPageShift) {
        this(blockCandidates, spillBytes, frontierPageShift, CompilerShare.Mode.WATCH);
    }

    SearchTuning {
        if (frontierPageShift < 0 || frontierPageShift > 20) throw new IllegalArgumentException("page shift 0..20");
    }

    static SearchTuning blocks(long blockCandidates) {
        return new SearchTuning(blockCandidates, 0, DEFAULT.frontierPageShift());
    }
}
