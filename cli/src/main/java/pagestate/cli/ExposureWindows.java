package pagestate.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The catalogue's largest model with a window has 4,304 states; a model that turns out larger is explored
     * for nothing, and at 20,000 that cost three catalogue specs about 1 s each (docs/performance.md).
     */
    static final int MAX_STATES = 5_000;

    private final SystemModel<S, A> model;
    private final List<S> states;
    /** Per state (by its index in {@link #states}): its successors as pairs (actor, index of the next state). */
    private final List<int[]> successors;

    private ExposureWindows(SystemModel<S, A> model, List<S> states, List<int[]> successors) {
        this.model = model;
        this.states = states;
        this.successors = successors;
    }

    /**
     * Explores the model; null when it has more than {@link #MAX_STATES} states or no program. The check
     * stored {@code checkedStates} states, and the reductions only ever store fewer states than the model
     * has, so more than {@link #MAX_STATES} of them tells that the model is too large without exploring it.
     * Each state's successors are kept (as indexes), so that each window is found without generating them again.
     */
    static <S, A extends ModelAction> ExposureWindows<S, A> of(SystemModel<S, A> model, long checkedStates) {
        if (model.programSize() == 0 || checkedStates > MAX_STATES) return null;
        Map<S, Integer> index = new HashMap<>();
        List<S> order = new ArrayList<>();
        List<int[]> successors = new ArrayList<>();
        S init = model.initialState();
        index.put(init, 0);
        order.add(init);
        for (int i = 0; i < order.size(); i++) {
            if (order.size() > MAX_STATES) return null;
            int[][] out = {new int[16]};
            int[] n = {0};
            model.successors(order.get(i), (a, next) -> {
                Integer at = index.get(next);
                if (at == null) {
                    at = order.size();
                    index.put(next, at);
                    order.add(next);
                }
                if (n[0] + 2 > out[0].length) out[0] = Arrays.copyOf(out[0], out[0].length * 2);
                out[0][n[0]++] = a.actor();
                out[0][n[0]++] = at;
            });
            successors.add(Arrays.copyOf(out[0], n[0]));
        }
        if (order.size() > MAX_STATES) return null;
        return new ExposureWindows<>(model, order, successors);
    }

    /**
     * The window text for a violation of {@code property} by {@code actor}, over the program's steps:
     * "open from after flip (to shared) until map_gpa (to shared) runs"; null when the actor is a
     * program actor or the window is empty.
     */
    String describe(int actor, SystemProperty<S> property) {
        if (model.isProgramActor(actor)) return null;
        TreeSet<Integer> pcs = new TreeSet<>();
        for (int i = 0; i < states.size(); i++) {
            int pc = model.programPc(states.get(i));
            if (pcs.contains(pc)) continue;
            int[] next = successors.get(i);
            for (int k = 0; k < next.length; k += 2) {
                if (next[k] == actor && !property.holds().test(states.get(next[k + 1]))) {
                    pcs.add(pc);
                    break;
                }
            }
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
