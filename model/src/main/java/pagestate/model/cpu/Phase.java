package pagestate.model.cpu;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One conversion of a converter's pages towards {@code target}, as an ordered list of primitives.
 * {@code always}: the indices of the steps that run even after a hypercall of this phase failed, like
 * code after a cleanup label (ivm.c hv_vtom_set_host_visibility(): set_memory_p() at err_set_memory_p,
 * 0f34d11234868). After a failure the converter skips the other steps of the phase, runs the always
 * steps that come after the failed one, in order, and then takes its error path.
 */
public record Phase(Direction target, List<Primitive> steps, Set<Integer> always) {

    /** A phase without always steps. */
    public Phase(Direction target, List<Primitive> steps) {
        this(target, steps, Set.of());
    }

    public Phase {
        steps = List.copyOf(steps);
        always = java.util.Collections.unmodifiableSet(new TreeSet<>(always));
        for (int i : always) {
            if (i < 0 || i >= steps.size()) throw new IllegalArgumentException("no step " + i + " to run always");
        }
    }

    /** Whether step {@code i} runs even after a failure. */
    public boolean isAlways(int i) {
        return always.contains(i);
    }
}
