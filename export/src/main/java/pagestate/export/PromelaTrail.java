package pagestate.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import pagestate.model.cpu.CacheLines;
import pagestate.model.cpu.ConverterState;
import pagestate.model.cpu.HvPage;
import pagestate.model.cpu.Mapping;
import pagestate.model.cpu.PageAction;
import pagestate.model.cpu.PageModel;
import pagestate.model.cpu.PageState;
import pagestate.model.cpu.Pte;
import pagestate.model.cpu.ReaderState;
import pagestate.model.cpu.Scenario;

/**
 * Replays a SPIN trail of an exported model as a pagestate trace. The export prints every state it
 * reaches after {@code @S} (in a simulation or a trail replay, {@code spin -t}); each printed state is
 * matched to a successor of the previous one under pagestate's own model, so the trail becomes a path of
 * pagestate actions, or the replay says at which step the two models part.
 */
public final class PromelaTrail {

    /** One replayed step: the pagestate action and the state after it. */
    public record Step(PageAction action, PageState state) { }

    /** The replayed path, or the step at which SPIN reached a state pagestate cannot. */
    public record Replay(PageState initial, List<Step> steps, String mismatch) {
        public boolean matches() { return mismatch == null; }
        public PageState last() { return steps.isEmpty() ? initial : steps.get(steps.size() - 1).state(); }
    }

    private final PageModel model;

    public PromelaTrail(Scenario scenario) {
        this.model = new PageModel(scenario);
    }

    /** The {@code @S} lines of SPIN's output, as state vectors, in order. */
    public static List<int[]> states(String spinOutput) {
        List<int[]> out = new ArrayList<>();
        for (String line : spinOutput.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("@S")) continue;
            out.add(Arrays.stream(t.substring(2).strip().split("\\s+")).mapToInt(Integer::parseInt).toArray());
        }
        return out;
    }

    /** Replays the states SPIN printed (the first is the initial state) through pagestate's model. */
    public Replay replay(List<int[]> printed) {
        PageState s = model.initialState();
        if (printed.isEmpty()) return new Replay(s, List.of(), "SPIN printed no state");
        if (!Arrays.equals(printed.get(0), vector(s))) {
            return new Replay(s, List.of(), "the initial states differ: SPIN " + Arrays.toString(printed.get(0))
                    + ", pagestate " + Arrays.toString(vector(s)));
        }
        List<Step> steps = new ArrayList<>();
        for (int k = 1; k < printed.size(); k++) {
            int[] want = printed.get(k);
            Step found = null;
            List<Step> next = new ArrayList<>();
            model.successors(s, (a, t) -> next.add(new Step(a, t)));
            for (Step n : next) {
                if (Arrays.equals(want, vector(n.state()))) {
                    found = n;
                    break;
                }
            }
            if (found == null) {
                return new Replay(model.initialState(), steps, "step " + k + ": SPIN reached " + Arrays.toString(want)
                        + ", which no pagestate action leads to from the state before it");
            }
            steps.add(found);
            s = found.state();
        }
        return new Replay(model.initialState(), steps, null);
    }

    /** A pagestate state as the export prints it, field by field (see {@code print_state} in the model). */
    public int[] vector(PageState s) {
        Scenario sc = model.scenario();
        List<Integer> v = new ArrayList<>();
        List<Mapping> kinds = sc.mappings();
        for (Mapping m : kinds) {
            if (!m.hasPte()) continue;
            for (int page = 0; page < sc.pages(); page++) {
                Pte p = s.pte(m, page);
                v.add((p.present() ? 2 : 0) | p.attribute().ordinal());
            }
        }
        for (int cpu = 0; cpu < sc.cpus(); cpu++) {
            for (Mapping m : kinds) {
                for (int page = 0; page < sc.pages(); page++) v.add(s.tlb(cpu, m, page).ordinal());
            }
        }
        for (int page = 0; page < sc.pages(); page++) {
            CacheLines l = s.cache(page);
            v.add(l.privateKey().ordinal());
            v.add(l.sharedKey().ordinal());
        }
        List<HvPage> hv = List.of(HvPage.of(sc.platform()));
        for (int page = 0; page < sc.pages(); page++) {
            v.add(hv.indexOf(s.hv(page)));
            v.add(s.contents(page).ordinal());
        }
        for (int i = 0; i < s.converterCount(); i++) {
            ConverterState c = s.converter(i);
            v.add(c.pc());
            v.add(c.status().ordinal());
            v.add(c.last().ordinal());
        }
        for (int i = 0; i < s.readerCount(); i++) {
            ReaderState r = s.reader(i);
            v.add(r.done() ? 1 : 0);
            v.add(r.outcome().ordinal());
        }
        v.add(s.events());
        v.add(s.crash() == null ? 0 : s.crash().ordinal() + 1);
        return v.stream().mapToInt(Integer::intValue).toArray();
    }

    public PageModel model() {
        return model;
    }
}
