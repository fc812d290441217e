package pagestate.cli;

/** The exit codes of every sub-command, as documented in the README. */
final class ExitCodes {
    /** Every expectation met (or the command did what was asked). */
    static final int OK = 0;
    /** At least one expectation not met. */
    static final int FAILED = 1;
    /** Bad usage or an invalid spec. */
    static final int USAGE = 2;
    /** A limit stopped the exploration before every verdict was known. */
    static final int INCOMPLETE = 3;

    private ExitCodes() { }
}
