package pagestate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import pagestate.checker.Eventually;
import pagestate.checker.Invariant;
import pagestate.checker.StateCodec;
import pagestate.checker.TransitionSystem;
import pagestate.model.ModelProperty;
import pagestate.model.PageAction;
import pagestate.model.PageModel;
import pagestate.model.PageState;

/**
 * The page model seen as a transition system by the engine: the only place where {@code model} and
 * {@code checker} meet. Every safety property is an invariant (they are cheap and a verdict on
 * no_fatal explains the others); liveness properties are checked only when {@code liveness} names them.
 */
final class ModelSystem implements TransitionSystem<PageState, PageAction> {

    private final PageModel model;
    private final List<Invariant<PageState>> invariants = new ArrayList<>();
    private final List<Eventually<PageState>> liveness = new ArrayList<>();

    ModelSystem(PageModel model, Set<String> livenessToCheck) {
        this.model = model;
        for (ModelProperty p : model.properties()) {
            String name = p.name().specName();
            if (p.isLiveness()) {
                if (livenessToCheck.contains(name)) liveness.add(new Eventually<>(name, p.holds(), p.fairActors(), p.cause()));
            } else {
                invariants.add(new Invariant<>(name, p.holds(), p.cause()));
            }
        }
    }

    PageModel model() {
        return model;
    }

    @Override
    public List<PageState> initialStates() {
        return List.of(model.initialState());
    }

    @Override
    public void successors(PageState state, SuccessorSink<PageState, PageAction> sink) {
        model.successors(state, sink::accept);
    }

    @Override
    public int actorOf(PageAction action) {
        return action.actor();
    }

    @Override
    public List<String> actorNames() {
        return model.actorNames();
    }

    @Override
    public List<Invariant<PageState>> invariants() {
        return invariants;
    }

    @Override
    public List<Eventually<PageState>> liveness() {
        return liveness;
    }

    @Override
    public boolean isTerminal(PageState state) {
        return model.isTerminal(state);
    }

    @Override
    public StateCodec<PageState> codec() {
        return new StateCodec<>() {
            @Override
            public int words() {
                return model.words();
            }

            @Override
            public void encode(PageState state, long[] out, int offset) {
                model.encode(state, out, offset);
            }

            @Override
            public PageState decode(long[] in, int offset) {
                return model.decode(in, offset);
            }
        };
    }
}
