package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The enabled actions of a state, as a list, and ways to pick one. */
final class Moves {

    record Move(PageAction action, PageState next) {
        Cause outcome() { return action.outcome(); }
    }

    private Moves() { }

    static List<Move> of(PageModel model, PageState s) {
        List<Move> out = new ArrayList<>();
        model.successors(s, (a, n) -> out.add(new Move(a, n)));
        return out;
    }

    static List<Move> where(PageModel model, PageState s, Predicate<PageAction> which) {
        return of(model, s).stream().filter(m -> which.test(m.action())).toList();
    }

    /** The one move of actor {@code actor}; fails unless there is exactly one. */
    static Move only(PageModel model, PageState s, int actor) {
        List<Move> ms = where(model, s, a -> a.actor() == actor);
        assertEquals(1, ms.size(), () -> "moves of actor " + actor + ": " + ms);
        return ms.get(0);
    }

    /** The move of converter {@code i} (its first, the successful one when a hypercall may fail). */
    static Move converter(PageModel model, PageState s, int i) {
        List<Move> ms = where(model, s, a -> a.actor() == i);
        if (ms.isEmpty()) fail("converter " + i + " has no move in\n" + s);
        return ms.get(0);
    }

    /** Every move of converter {@code i}. */
    static List<Move> converterMoves(PageModel model, PageState s, int i) {
        return where(model, s, a -> a.actor() == i);
    }

    static Move reader(PageModel model, PageState s, int i) {
        return only(model, s, model.programs().size() + i);
    }

    static List<Move> hosts(PageModel model, PageState s) {
        return where(model, s, a -> a.lane().equals("host"));
    }

    static List<Move> hardware(PageModel model, PageState s) {
        return where(model, s, a -> a.lane().equals("hardware"));
    }

    static List<Move> hardware(PageModel model, PageState s, String descriptionPrefix) {
        return where(model, s, a -> a.lane().equals("hardware") && a.description().startsWith(descriptionPrefix));
    }
}
