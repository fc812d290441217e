package pagestate.checker;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named safety property: {@code holds} must be true in every reachable state.
 *
 * @param name   stable snake_case name
 * @param holds  the predicate
 * @param cause  explains, for a state where it does not hold, why (shown with the counterexample)
 */
public record Invariant<S>(String name, Predicate<S> holds, Function<S, String> cause) {

    public static <S> Invariant<S> of(String name, Predicate<S> holds) {
        return new Invariant<>(name, holds, s -> name + " does not hold");
    }
}
