package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import pagestate.model.cpu.Moves.Move;

/** Runs one converter primitive: a converter whose whole program is that primitive, from a hand-built state. */
final class Step {

    private Step() { }

    /** The converter's move (converter 0, at pc 0). */
    static Move run(PageModel model, PageState s) {
        return Moves.converter(model, s, 0);
    }

    /** {@code s} as it is after converter 0 completed its one-operation program with {@code outcome}. */
    static PageState.Editor doneFrom(PageState s, Cause outcome) {
        return s.edit().converter(0, new ConverterState(1, ConverterState.Status.DONE, outcome));
    }

    /** Asserts the move's next state is {@code s} with only the converter finished and {@code changes}. */
    static void assertNext(PageState expected, Move m) {
        assertEquals(expected, m.next(), () -> "after " + m.action() + "\nexpected:\n" + expected + "\nactual:\n" + m.next());
    }
}
