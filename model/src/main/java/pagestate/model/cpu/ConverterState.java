package pagestate.model.cpu;

/**
 * Where a converter thread is: {@code pc} indexes its program ({@link ConverterProgram}), {@code status}
 * says whether it still runs, and {@code last} is the outcome of its last operation (what traces show;
 * the sticky record of what happened is {@link PageState#happened}).
 */
public record ConverterState(int pc, Status status, Cause last) {

    public enum Status {
        RUNNING,
        /** Every phase done (and the owner's accesses after them). */
        DONE,
        /** A hypercall failed; the page was leaked. */
        FAILED_LEAKED,
        /** A hypercall failed; the page went back to the allocator (and was reused). */
        FAILED_FREED,
        /**
         * A hypercall failed and the converter runs the always steps that follow it ({@link Phase#always()}),
         * then takes its error path; {@code pc} is the next always step.
         */
        CLEANING_UP;

        public boolean finished() {
            return this != RUNNING && this != CLEANING_UP;
        }
    }

    public static final ConverterState START = new ConverterState(0, Status.RUNNING, Cause.OK);
}
