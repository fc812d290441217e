package pagestate.model.cpu;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One conversion of a converter's pages towards {@code target}, as an ordered list of primitives.
 * {@code always}: the indices of the steps that run even after a hypercall of this phase failed, like
 * code after a cleanup label (ivm.c hv_vtom_set_host_visibility(): set_memory_p() at err_set_memory_p,
 * 0f34d11234868). After a failure the converter skips the other steps of the phase, runs the always
 * steps that come after the failed one, in order, and then takes its error path.
 * {@code via}: the mapping through which a step that takes an address ({@link Primitive#takesAddress()})
 * acts, by step index; a step not in it uses the direct map.
 */
public record Phase(Direction target, List<Primitive> steps, Set<Integer> always, Map<Integer, Mapping> via) {

    /** A phase without always steps. */
    public Phase(Direction target, List<Primitive> steps) {
        this(target, steps, Set.of());
    }

    /** A phase whose steps all act through the direct map. */
    public Phase(Direction target, List<Primitive> steps, Set<Integer> always) {
        this(target, steps, always, Map.of());
    }

    public Phase {
        steps = List.copyOf(steps);
        always = java.util.Collections.unmodifiableSet(new TreeSet<>(always));
        for (int i : always) {
            if (i < 0 || i >= steps.size()) throw new IllegalArgumentException("no step " + i + " to run always");
        }
        TreeMap<Integer, Mapping> v = new TreeMap<>(via);
        v.values().removeIf(m -> m == Mapping.DIRECT);
        for (int i : v.keySet()) {
            if (i < 0 || i >= steps.size() || !steps.get(i).takesAddress()) {
                throw new IllegalArgumentException("step " + i + " takes no address to go through a mapping");
            }
        }
        via = java.util.Collections.unmodifiableMap(v);
    }

    /** The mapping step {@code i} acts through (the direct map unless the spec says otherwise). */
    public Mapping via(int i) {
        return via.getOrDefault(i, Mapping.DIRECT);
    }

    /** Whether step {@code i} runs even after a failure. */
    public boolean isAlways(int i) {
        return always.contains(i);
    }
}
