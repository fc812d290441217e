package pagestate.model.cpu;

import pagestate.model.PropertyName;
import pagestate.model.SystemProperty;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A property of the model: for safety, {@code holds} must be true in every reachable state; for
 * liveness, {@code holds} is the goal that must eventually be true on every path, with weak fairness
 * of {@code fairActors}. {@code cause} explains a state where it is false.
 */
public record ModelProperty(PropertyName name, Predicate<PageState> holds, Function<PageState, String> cause,
                            Set<Integer> fairActors) implements SystemProperty<PageState> {

    @Override
    public boolean isLiveness() {
        return name.isLiveness();
    }
}
