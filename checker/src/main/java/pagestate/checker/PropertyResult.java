package pagestate.checker;

/**
 * The verdict on one property.
 *
 * @param name    the property's name ({@code no_deadlock} for the engine's own deadlock check)
 * @param kind    invariant, liveness or deadlock
 * @param verdict holds, violated or unknown
 * @param trace   the shortest counterexample when violated (null otherwise)
 * @param cause   one line: why it was violated (the property's cause text), or a note on a verdict
 */
public record PropertyResult<S, A>(String name, Kind kind, Verdict verdict, Trace<S, A> trace, String cause) {

    public enum Kind { INVARIANT, LIVENESS, DEADLOCK }
}
