package pagestate.model.cpu;

import java.util.List;

/** One conversion of a converter's pages towards {@code target}, as an ordered list of primitives. */
public record Phase(Direction target, List<Primitive> steps) {
    public Phase {
        steps = List.copyOf(steps);
    }
}
