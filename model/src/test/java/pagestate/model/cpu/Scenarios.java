package pagestate.model.cpu;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Builders of the catalogue's scenarios, for tests. */
final class Scenarios {

    private Scenarios() { }

    static List<Primitive> steps(String text) {
        return java.util.Arrays.stream(text.trim().split("\\s+"))
                .map(n -> Primitive.bySpecName(n).orElseThrow(() -> new IllegalArgumentException(n))).toList();
    }

    /** 2 CPUs, 2 pages, direct map only, converter on CPU0 converting page 1 with its owner, zeropad on CPU1 from page 0. */
    static Scenario standard(Platform p, Direction d, String steps) {
        return standard(p, Options.defaults(), d, steps, 1);
    }

    static Scenario standard(Platform p, Options o, Direction d, String steps, int mappings) {
        Converter c = new Converter("conv", 0, List.of(1), List.of(new Phase(d, steps(steps))), true);
        return new Scenario(p, o, 2, 2, mappings, List.of(c), List.of(new ZeropadReader("zp", 1, 0)),
                List.of(new HostActor("host", 1, true, true)), EnumSet.allOf(HardwareAction.class), Set.of(), ErrorPath.LEAK);
    }
}
