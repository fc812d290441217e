package pagestate.checker;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named liveness property: on every maximal path from an initial state, {@code goal} holds in some
 * state, assuming weak fairness of the actors in {@code fairActors} (an actor that stays enabled
 * forever eventually takes a step). A violation is a path to a dead end, or a lasso (prefix + cycle)
 * that is fair, with {@code goal} false throughout.
 *
 * @param cause explains, for the last state of a violating path (or the cycle's first state), why
 */
public record Eventually<S>(String name, Predicate<S> goal, Set<Integer> fairActors, Function<S, String> cause) {
}
