package pagestate.model.cpu;

/** A zeropad reader: not yet run, or done with the outcome of its load. */
public record ReaderState(boolean done, Cause outcome) {
    public static final ReaderState IDLE = new ReaderState(false, Cause.OK);
}
