package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The explicit graph liveness works on: the states reachable from an initial state through states
 * where the goal is false (goal-false states only), with their edges to goal-false states, the actors
 * enabled in each (over all successors) and a BFS tree. States are stored explicitly (a table from
 * encoded words to index), which suits the small models liveness is run on; the run limits apply.
 * With a form (canonical or merged, see {@link TransitionSystem#merged}) the graph is over the forms:
 * each stored state is a form and is expanded as it is, and its successors are stored as their forms.
 */
final class ExplicitGraph<S, A> {

    /**
     * The index of every stored state by its encoded words: an open-addressing table of state indices,
     * probed by the words' fingerprint, the words themselves kept in one array (no object per state or
     * per lookup: a successor is encoded into a scratch buffer and looked up there).
     */
    private static final class Index {
        private final int width;
        private long[] words;
        private long[] fps = new long[128];
        private int[] slots = new int[256];   // state index + 1, 0 = empty
        private int size;

        Index(int width) {
            this.width = width;
            this.words = new long[128 * width];
        }

        /** The index of the state encoded in {@code w[0 .. width)}, or -1. */
        int find(long[] w, long fp) {
            int mask = slots.length - 1;
            for (int i = (int) (fp ^ (fp >>> 32)) & mask; ; i = (i + 1) & mask) {
                int v = slots[i] - 1;
                if (v < 0) return -1;
                if (fps[v] == fp && Arrays.equals(words, v * width, v * width + width, w, 0, width)) return v;
            }
        }

        /** Adds the state encoded in {@code w} (absent) as index {@link #size}. */
        void add(long[] w, long fp) {
            if (size == fps.length) {
                long longs = 2L * size * width;
                if (longs > Integer.MAX_VALUE - 8 || 4L * size > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("liveness graph over 2^31 words");
                fps = Arrays.copyOf(fps, size * 2);
                words = Arrays.copyOf(words, (int) longs);
            }
            System.arraycopy(w, 0, words, size * width, width);
            fps[size] = fp;
            size++;
            if (2L * size > slots.length) {
                slots = new int[slots.length * 2];
                for (int v = 0; v < size; v++) place(v);
            } else {
                place(size - 1);
            }
        }

        private void place(int v) {
            int mask = slots.length - 1;
            long fp = fps[v];
            int i = (int) (fp ^ (fp >>> 32)) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = v + 1;
        }
    }

    /** Edge lists of one state: targets (state indices), action indices and actors. */
    static final class Node {
        final int depth;
        final int parent;          // BFS tree parent, or -1 - initial position
        final int parentAction;
        int[] targets = new int[2];
        int[] actions = new int[2];
        int[] actors = new int[2];
        int edges;
        boolean deadEnd;
        long[] enabledActors = new long[1];

        Node(int depth, int parent, int parentAction) {
            this.depth = depth;
            this.parent = parent;
            this.parentAction = parentAction;
        }

        void add(int target, int action, int actor) {
            if (edges == targets.length) {
                targets = Arrays.copyOf(targets, edges * 2);
                actions = Arrays.copyOf(actions, edges * 2);
                actors = Arrays.copyOf(actors, edges * 2);
            }
            targets[edges] = target;
            actions[edges] = action;
            actors[edges] = actor;
            edges++;
        }

        void enable(int actor) {
            if (actor >= enabledActors.length * 64) enabledActors = Arrays.copyOf(enabledActors, actor / 64 + 1);
            enabledActors[actor >>> 6] |= 1L << actor;
        }

        boolean enabled(int actor) {
            return actor < enabledActors.length * 64 && (enabledActors[actor >>> 6] & (1L << actor)) != 0;
        }
    }

    final List<Node> nodes = new ArrayList<>();

    /**
     * Builds the graph over the forms {@code form} gives (the identity for the states as they are); returns
     * false when a limit stopped it (then the graph is partial).
     */
    boolean build(TransitionSystem<S, A> system, Predicate<S> goal, RunLimits limits, UnaryOperator<S> form) {
        StateCodec<S> codec = system.codec();
        int width = codec.words();
        Index index = new Index(width);
        long[] scratch = new long[width];
        List<S> states = new ArrayList<>();
        List<S> initial = system.initialStates();
        for (int pos = 0; pos < initial.size(); pos++) {
            S s = form.apply(initial.get(pos));
            if (goal.test(s)) continue;
            codec.encode(s, scratch, 0);
            long fp = Fingerprints.of(scratch, 0, width);
            if (index.find(scratch, fp) < 0) {
                if (!admit(states.size() + 1, limits)) return false;
                index.add(scratch, fp);
                states.add(s);
                nodes.add(new Node(0, -1 - pos, 0));
            }
        }
        for (int i = 0; i < states.size(); i++) {
            if ((i & 1023) == 0 && limits.checkTimeAndMemory()) return false;
            Node node = nodes.get(i);
            int from = i;
            int[] count = {0};
            boolean[] overLimit = {false};
            system.successors(states.get(i), (action, real) -> {
                int a = count[0]++;
                S next = form.apply(real);
                int actor = system.actorOf(action);
                node.enable(actor);
                if (overLimit[0] || goal.test(next)) return;
                codec.encode(next, scratch, 0);
                long fp = Fingerprints.of(scratch, 0, width);
                int target = index.find(scratch, fp);
                if (target < 0) {
                    if (!admit(states.size() + 1, limits)) {
                        overLimit[0] = true;
                        return;
                    }
                    target = states.size();
                    index.add(scratch, fp);
                    states.add(next);
                    nodes.add(new Node(node.depth + 1, from, a));
                }
                node.add(target, a, actor);
            });
            if (overLimit[0]) return false;
            node.deadEnd = count[0] == 0;
        }
        return true;
    }

    private static boolean admit(long states, RunLimits limits) {
        if (limits.overStates(states)) {
            limits.stopForStates();
            return false;
        }
        return true;
    }

    int size() {
        return nodes.size();
    }

    Node node(int i) {
        return nodes.get(i);
    }

    /** The BFS tree path to state {@code i}: initial position, then action indices. */
    int[] pathTo(int i) {
        Node n = nodes.get(i);
        int[] out = new int[n.depth + 1];
        int k = n.depth;
        int cur = i;
        while (nodes.get(cur).parent >= 0) {
            out[k--] = nodes.get(cur).parentAction;
            cur = nodes.get(cur).parent;
        }
        out[0] = -1 - nodes.get(cur).parent;
        return out;
    }
}
