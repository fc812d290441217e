package pagestate.model;

/**
 * A transition of one of the seed systems other than the CPU conversion: who acted, on which lane,
 * what it did and, when it was not ok, the outcome.
 *
 * @param outcomeText "label: description" of an outcome that was not ok, or null
 * @param kind        the action without its arguments, for coverage ({@link ModelAction#kind()})
 */
public record SystemAction(int actor, String actorName, String lane, String description, String outcomeText,
                           String kind) implements ModelAction {

    /** An action whose description names no argument: it is its own kind. */
    public SystemAction(int actor, String actorName, String lane, String description, String outcomeText) {
        this(actor, actorName, lane, description, outcomeText, description);
    }

    @Override
    public String toString() {
        return actorName + ": " + description + (outcomeText == null ? "" : " -> " + outcomeText);
    }
}
