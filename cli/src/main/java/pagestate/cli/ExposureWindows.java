package pagestate.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import pagestate.model.ConverterProgram;
import pagestate.model.ModelProperty;
import pagestate.model.PageModel;
import pagestate.model.PageState;

/**
 * Between which steps of a conversion an actor other than the converter (a zeropad reader, the host,
 * the hardware) can break a property with one action of its own, over every reachable state: the
 * window of exposure, in the converter's terms. Only for small models (it keeps every state).
 */
final class ExposureWindows {

    static final int MAX_STATES = 100_000;

    private final PageModel model;
    private final List<PageState> states;

    private ExposureWindows(PageModel model, List<PageState> states) {
        this.model = model;
        this.states = states;
    }

    /** Explores the model; null when it has more than {@link #MAX_STATES} states or no converter. */
    static ExposureWindows of(PageModel model) {
        if (model.scenario().converters().isEmpty()) return null;
        Set<PageState> seen = new HashSet<>();
        List<PageState> order = new ArrayList<>();
        ArrayDeque<PageState> queue = new ArrayDeque<>();
        PageState init = model.initialState();
        seen.add(init);
        queue.add(init);
        while (!queue.isEmpty()) {
            PageState s = queue.poll();
            order.add(s);
            if (order.size() > MAX_STATES) return null;
            model.successors(s, (a, n) -> {
                if (seen.add(n)) queue.add(n);
            });
        }
        return new ExposureWindows(model, order);
    }

    /**
     * The window text for a violation of {@code property} by {@code actor}, over the first converter's
     * program: "open from after flip (to shared) until map_gpa (to shared) runs"; null when the actor is
     * a converter or the window is empty.
     */
    String describe(int actor, ModelProperty property) {
        if (actor < model.scenario().converters().size()) return null;
        TreeSet<Integer> pcs = new TreeSet<>();
        for (PageState s : states) {
            int pc = s.converter(0).pc();
            if (pcs.contains(pc)) continue;
            boolean[] bad = {false};
            model.successors(s, (a, n) -> {
                if (a.actor() == actor && !property.holds().test(n)) bad[0] = true;
            });
            if (bad[0]) pcs.add(pc);
        }
        ConverterProgram prog = model.programs().get(0);
        // past the last step the converter has ended (done, or failed with its error path)
        boolean afterEnd = pcs.removeIf(pc -> pc > prog.size());
        if (afterEnd) pcs.add(prog.size());
        if (pcs.isEmpty()) return null;
        List<String> ranges = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int pc : pcs) {
            if (start != null && pc != prev + 1) {
                ranges.add(range(prog, start, prev));
                start = null;
            }
            if (start == null) start = pc;
            prev = pc;
        }
        ranges.add(range(prog, start, prev));
        return "window: open " + String.join("; and ", ranges);
    }

    private static String range(ConverterProgram prog, int from, int to) {
        var conv = prog.converter();
        String open = from == 0 ? "from the start" : "from after " + prog.ops().get(from - 1).describe(conv);
        String close = to >= prog.size() ? "to the end of the conversion" : "until " + prog.ops().get(to).describe(conv) + " runs";
        return open + " " + close;
    }
}
