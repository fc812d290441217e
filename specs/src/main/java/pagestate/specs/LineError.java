package pagestate.specs;

/** Abandons the rest of one line; the parser records the error and goes on with the next line. */
final class LineError extends RuntimeException {
    private final transient SpecError error;

    LineError(SpecError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    SpecError error() {
        return error;
    }
}
