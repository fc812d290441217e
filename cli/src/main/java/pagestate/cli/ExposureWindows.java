package pagestate.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import pagestate.model.ModelAction;
import pagestate.model.SystemModel;
import pagestate.model.SystemProperty;

/**
 * Between which steps of a program (the first converter, a driver, a guest) an actor other than the
 * program (a zeropad reader, the host, the hardware, a device) can break a property with one action of
 * its own, over every reachable state: the window of exposure, in the program's terms. Only for small
 * models (it keeps every state).
 */
final class ExposureWindows<S, A extends ModelAction> {

    static final int MAX_STATES = 20_000;

    private final SystemModel<S, A> model;
    private final List<S> states;

    private ExposureWindows(SystemModel<S, A> model, List<S> states) {
        this.model = model;
        this.states = states;
    }

    /**
     * Explores the model; null when it has more than {@link #MAX_STATES} states or no program. The check
     * stored {@code checkedStates} states, and the reductions only ever store fewer states than the model
     * has, so more than {@link #MAX_STATES} of them tells that the model is too large without exploring it.
     */
    static <S, A extends ModelAction> ExposureWindows<S, A> of(SystemModel<S, A> model, long checkedStates) {
        if (model.programSize() == 0 || checkedStates > MAX_STATES) return null;
        Set<S> seen = new HashSet<>();
        List<S> order = new ArrayList<>();
        ArrayDeque<S> queue = new ArrayDeque<>();
        S init = model.initialState();
        seen.add(init);
        queue.add(init);
        while (!queue.isEmpty()) {
            S s = queue.poll();
            order.add(s);
            if (order.size() > MAX_STATES) return null;
            model.successors(s, (a, n) -> {
                if (seen.add(n)) queue.add(n);
            });
        }
        return new ExposureWindows<>(model, order);
    }

    /**
     * The window text for a violation of {@code property} by {@code actor}, over the program's steps:
     * "open from after flip (to shared) until map_gpa (to shared) runs"; null when the actor is a
     * program actor or the window is empty.
     */
    String describe(int actor, SystemProperty<S> property) {
        if (model.isProgramActor(actor)) return null;
        TreeSet<Integer> pcs = new TreeSet<>();
        for (S s : states) {
            int pc = model.programPc(s);
            if (pcs.contains(pc)) continue;
            boolean[] bad = {false};
            model.successors(s, (a, n) -> {
                if (a.actor() == actor && !property.holds().test(n)) bad[0] = true;
            });
            if (bad[0]) pcs.add(pc);
        }
        int size = model.programSize();
        // past the last step the program has ended (done, or failed with its error path)
        boolean afterEnd = pcs.removeIf(pc -> pc > size);
        if (afterEnd) pcs.add(size);
        if (pcs.isEmpty()) return null;
        List<String> ranges = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int pc : pcs) {
            if (start != null && pc != prev + 1) {
                ranges.add(range(start, prev));
                start = null;
            }
            if (start == null) start = pc;
            prev = pc;
        }
        ranges.add(range(start, prev));
        return "window: open " + String.join("; and ", ranges);
    }

    private String range(int from, int to) {
        String open = from == 0 ? "from the start" : "from after " + model.programStep(from - 1);
        String close = to >= model.programSize() ? "to the end of the program" : "until " + model.programStep(to) + " runs";
        return open + " " + close;
    }
}
