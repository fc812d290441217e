package pagestate.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The explicit graph liveness works on: the states reachable from an initial state through states
 * where the goal is false (goal-false states only), with their edges to goal-false states, the actors
 * enabled in each (over all successors) and a BFS tree. States are stored explicitly (a HashMap from
 * encoded words to index), which suits the small models liveness is run on; the run limits apply.
 * With a form (canonical or merged, see {@link TransitionSystem#merged}) the graph is over the forms:
 * each stored state is a form and is expanded as it is, and its successors are stored as their forms.
 */
final class ExplicitGraph<S, A> {

    /**
     * An encoded state as a map key, with a mixed hash: {@link Arrays#hashCode(long[])} spreads packed
     * bit fields so poorly that the map's bins turned into long trees (a multiply and shift per word,
     * then one finishing mix, cost less than a full fingerprint).
     */
    private record Key(long[] words, int hash) {
        Key(long[] words) {
            this(words, hashOf(words));
        }

        private static int hashOf(long[] words) {
            long h = 0;
            for (long w : words) {
                h = (h ^ w) * 0x9E3779B97F4A7C15L;
                h ^= h >>> 29;
            }
            h = Fingerprints.fmix(h);
            return (int) (h ^ (h >>> 32));
        }

        @Override public boolean equals(Object o) { return o instanceof Key k && hash == k.hash && Arrays.equals(words, k.words); }
        @Override public int hashCode() { return hash; }
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

    /** Builds the graph; returns false when a limit stopped it (then the graph is partial). */
    boolean build(TransitionSystem<S, A> system, Predicate<S> goal, RunLimits limits) {
        return build(system, goal, limits, UnaryOperator.identity());
    }

    /** Builds the graph over the forms {@code form} gives; returns false when a limit stopped it. */
    boolean build(TransitionSystem<S, A> system, Predicate<S> goal, RunLimits limits, UnaryOperator<S> form) {
        StateCodec<S> codec = system.codec();
        Map<Key, Integer> index = new HashMap<>();
        List<S> states = new ArrayList<>();
        List<S> initial = system.initialStates();
        for (int pos = 0; pos < initial.size(); pos++) {
            S s = form.apply(initial.get(pos));
            if (goal.test(s)) continue;
            long[] w = new long[codec.words()];
            codec.encode(s, w, 0);
            if (index.putIfAbsent(new Key(w), states.size()) == null) {
                if (!admit(states.size() + 1, limits)) return false;
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
                long[] w = new long[codec.words()];
                codec.encode(next, w, 0);
                Integer target = index.get(new Key(w));
                if (target == null) {
                    if (!admit(states.size() + 1, limits)) {
                        overLimit[0] = true;
                        return;
                    }
                    target = states.size();
                    index.put(new Key(w), target);
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
