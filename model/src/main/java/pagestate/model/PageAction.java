package pagestate.model;

/**
 * One transition, for traces: who acted ({@code actor} indexes {@link PageModel#actorNames()}), on which
 * lane of a diagram ("CPU0", "hardware", "host"), what it did, and the outcome it met.
 */
public record PageAction(int actor, String actorName, String lane, String description, Cause outcome) {

    @Override
    public String toString() {
        return actorName + ": " + description + (outcome == Cause.OK ? "" : " -> " + outcome.label());
    }
}
