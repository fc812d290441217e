package pagestate.reports;

/** The whole-state-graph view was refused because the graph is above the cap; one-line message. */
public class GraphTooLargeException extends IllegalArgumentException {

    private final int states;
    private final int cap;

    public GraphTooLargeException(int states, int cap) {
        super("the state graph has " + states + " states, above the cap of " + cap
                + " for the whole-graph view; look at the counterexample instead or use a smaller bound");
        this.states = states;
        this.cap = cap;
    }

    public int states() {
        return states;
    }

    public int cap() {
        return cap;
    }
}
