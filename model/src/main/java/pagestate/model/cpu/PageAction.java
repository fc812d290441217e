package pagestate.model.cpu;

import pagestate.model.ModelAction;
import java.util.function.Supplier;

/**
 * One transition, for traces: who acted ({@code actor} indexes {@link PageModel#actorNames()}), on which
 * lane of a diagram ("CPU0", "hardware", "host"), what it did, and the outcome it met. The description
 * is built only when asked for: exploration creates many actions and shows few.
 */
public final class PageAction implements ModelAction {

    private final int actor;
    private final String actorName;
    private final String lane;
    private final Supplier<String> description;
    private final Cause outcome;
    private final int unit;
    private final String kind;

    /** @param kind the action without its arguments, for coverage ({@link #kind()}); null: the description */
    public PageAction(int actor, String actorName, String lane, String kind, Supplier<String> description,
                      Cause outcome) {
        this(actor, actorName, lane, kind, description, outcome, -1);
    }

    /** @param unit the partial-order unit of a hardware action ({@link PageFootprints}), or -1 for the actor's own */
    PageAction(int actor, String actorName, String lane, String kind, Supplier<String> description, Cause outcome,
               int unit) {
        this.actor = actor;
        this.actorName = actorName;
        this.lane = lane;
        this.kind = kind;
        this.description = description;
        this.outcome = outcome;
        this.unit = unit;
    }

    public PageAction(int actor, String actorName, String lane, Supplier<String> description, Cause outcome) {
        this(actor, actorName, lane, null, description, outcome, -1);
    }

    public PageAction(int actor, String actorName, String lane, String description, Cause outcome) {
        this(actor, actorName, lane, () -> description, outcome);
    }

    public int actor() { return actor; }
    public String actorName() { return actorName; }
    public String lane() { return lane; }
    public String description() { return description.get(); }
    public Cause outcome() { return outcome; }
    @Override public String kind() { return kind != null ? kind : description(); }
    /** The partial-order unit of this action: the actor's own ({@link #actor()}) unless a hardware unit is named. */
    public int unit() { return unit >= 0 ? unit : actor; }

    @Override
    public String outcomeText() {
        return outcome == Cause.OK ? null : outcome.label() + ": " + outcome.description();
    }

    @Override
    public String toString() {
        return actorName + ": " + description() + (outcome == Cause.OK ? "" : " -> " + outcome.label());
    }
}
