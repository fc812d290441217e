package pagestate.model;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named property of a seed system's model: for safety, {@code holds} is true in every reachable
 * state; for liveness, {@code holds} is the goal that must eventually be true on every path, with weak
 * fairness of {@code fairActors}. {@code cause} explains a state where it is false.
 *
 * @param <S> the system's state type
 */
public interface SystemProperty<S> {

    PropertyName name();

    Predicate<S> holds();

    Function<S, String> cause();

    Set<Integer> fairActors();

    default boolean isLiveness() {
        return name().isLiveness();
    }

    /** A safety property (no fair actors). */
    static <S> SystemProperty<S> safety(PropertyName name, Predicate<S> holds, Function<S, String> cause) {
        return new Of<>(name, holds, cause, Set.of());
    }

    /** A liveness property: {@code goal} eventually, under weak fairness of {@code fairActors}. */
    static <S> SystemProperty<S> liveness(PropertyName name, Predicate<S> goal, Function<S, String> cause,
                                          Set<Integer> fairActors) {
        return new Of<>(name, goal, cause, Set.copyOf(fairActors));
    }

    /** The plain value. */
    record Of<S>(PropertyName name, Predicate<S> holds, Function<S, String> cause, Set<Integer> fairActors)
            implements SystemProperty<S> { }
}
