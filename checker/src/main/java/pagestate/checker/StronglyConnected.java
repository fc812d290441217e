package pagestate.checker;

import java.util.Arrays;

/** Strongly connected components of an {@link ExplicitGraph} (iterative Tarjan). */
final class StronglyConnected {

    private final int[] component;
    private int components;

    StronglyConnected(ExplicitGraph<?, ?> g) {
        int n = g.size();
        component = new int[n];
        Arrays.fill(component, -1);
        int[] low = new int[n];
        int[] order = new int[n];
        Arrays.fill(order, -1);
        int[] stack = new int[n];
        boolean[] onStack = new boolean[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (order[root] >= 0) continue;
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            order[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                ExplicitGraph.Node node = g.node(v);
                if (callEdge[depth] < node.edges) {
                    int w = node.targets[callEdge[depth]++];
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                if (low[v] == order[v]) {
                    int w;
                    do {
                        w = stack[--sp];
                        onStack[w] = false;
                        component[w] = components;
                    } while (w != v);
                    components++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
    }

    int of(int node) {
        return component[node];
    }

    int count() {
        return components;
    }
}
