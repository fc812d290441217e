package pagestate.checker;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one exploration.
 *
 * @param complete   every reachable state was explored (no limit stopped the run)
 * @param stopReason why the run stopped early ("max-states 1000", "max-seconds 10", "memory"), or null
 * @param properties one result per invariant, per liveness property, and deadlock when checked, in that order
 * @param stats      the run's figures
 */
public record CheckResult<S, A>(boolean complete, String stopReason, List<PropertyResult<S, A>> properties, Stats stats) {

    public CheckResult {
        properties = List.copyOf(properties);
    }

    public Optional<PropertyResult<S, A>> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
