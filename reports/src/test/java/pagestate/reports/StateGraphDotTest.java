package pagestate.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.parse.Parser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateGraphDotTest {

    static StateGraph diamond() {
        return new StateGraph(
                List.of("init: p1 private, TLB empty", "PTE p1 present=0", "TLB cpu1 p1 private",
                        "PTE p1 shared", "\"quoted\" <bad> & state"),
                List.of(new StateGraph.Edge(0, 1, "clear PRESENT"), new StateGraph.Edge(0, 2, "TLB fill"),
                        new StateGraph.Edge(2, 3, "flip attribute"), new StateGraph.Edge(1, 3, "flip attribute"),
                        new StateGraph.Edge(3, 4, "zeropad read"), new StateGraph.Edge(4, 4, "stutter")),
                List.of(0, 2, 3, 4));
    }

    @Test
    void everyStateAndEdgeIsDrawnWithThePathHighlighted() throws Exception {
        String dot = StateGraphDot.toDot(diamond());
        MutableGraph graph = new Parser().read(dot);
        assertEquals(5, graph.nodes().size());
        long red = dot.lines().filter(l -> l.contains("->") && l.contains("#c81e1e")).count();
        assertEquals(3, red, "the three path edges are red:\n" + dot);
        assertFalse(dot.lines().filter(l -> l.contains("n0 -> n1")).findFirst().orElseThrow().contains("#c81e1e"));
        Files.createDirectories(DiagramTest.OUT);
        String svg = TestDiagrams.get().svg(dot);
        Files.writeString(DiagramTest.OUT.resolve("state-graph.svg"), svg);
        String text = DiagramTest.parseXml(svg).getDocumentElement().getTextContent();
        assertTrue(text.contains("\"quoted\" <bad> & state"), "labels survive escaping: " + text);
    }

    @Test
    void refusesGraphsAboveTheCapWithAOneLineMessage() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < StateGraphDot.DEFAULT_CAP + 1; i++) {
            labels.add("s" + i);
        }
        StateGraph big = new StateGraph(labels, List.of(), List.of());
        GraphTooLargeException e = assertThrows(GraphTooLargeException.class, () -> StateGraphDot.toDot(big));
        assertEquals(301, e.states());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().startsWith("the state graph has 301 states, above the cap of 300"), e.getMessage());
        assertEquals(3, StateGraphDot.toDot(new StateGraph(labels.subList(0, 3), List.of(), List.of()), 3)
                .lines().filter(l -> l.matches("  n\\d+ \\[.*")).count());
    }

    @Test
    void rejectsEdgesToUnknownStates() {
        assertThrows(IllegalArgumentException.class,
                () -> new StateGraph(List.of("a"), List.of(new StateGraph.Edge(0, 1, "x")), List.of()));
    }
}
