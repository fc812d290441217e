package pagestate.model;

/**
 * A transition of one of the seed systems other than the CPU conversion: who acted, on which lane,
 * what it did and, when it was not ok, the outcome.
 *
 * @param outcomeText "label: description" of an outcome that was not ok, or null
 */
public record SystemAction(int actor, String actorName, String lane, String description, String outcomeText)
        implements ModelAction {

    @Override
    public String toString() {
        return actorName + ": " + description + (outcomeText == null ? "" : " -> " + outcomeText);
    }
}
