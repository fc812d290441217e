package pagestate.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A counterexample as a DOT swim-lane diagram: one column per lane, one row per step, each step's box
 * labelled with its actor, action and what changed; dashed lifelines down each lane, arrows from step to
 * step; the violating step in red with the property's name; the window of exposure as a light-red band;
 * a lasso's way back drawn as a purple arrow.
 */
public final class TraceDot {

    private static final int LABEL_WIDTH = 44;

    private TraceDot() {
    }

    /** The DOT source of the diagram, titled with the property alone. */
    public static String toDot(TraceView trace) {
        return toDot(trace, null, null);
    }

    /** The DOT source of the diagram, titled with the property, the spec and its platform. */
    public static String toDot(TraceView trace, String spec, String platform) {
        StringBuilder dot = new StringBuilder();
        dot.append("digraph counterexample {\n");
        String title = TraceChart.title(trace, spec, platform)
                + (trace.cause() == null || trace.cause().isBlank() ? "" : ": " + trace.cause());
        double[] widths = laneWidths(trace);
        dot.append("  graph [newrank=true, rankdir=TB, nodesep=0.35, ranksep=0.3, labelloc=t, fontsize=14,")
                .append(" fontname=").append(Dot.quote(Dot.FONT)).append(", label=")
                .append(Dot.label(List.of(title), titleWidth(widths))).append("];\n");
        dot.append("  node [fontname=").append(Dot.quote(Dot.FONT))
                .append(", fontsize=10, shape=box, style=\"rounded,filled\", fillcolor=\"#f4f6f8\",")
                .append(" margin=\"0.2,0.08\",")
                .append(" color=\"#5b6770\"];\n");
        dot.append("  edge [fontname=").append(Dot.quote(Dot.FONT)).append(", fontsize=9];\n");
        header(dot, trace, widths);
        for (int i = 0; i < trace.steps().size(); i++) {
            if (trace.hasWindow() && i == trace.windowFrom()) {
                dot.append("  subgraph cluster_window {\n")
                        .append("    style=filled; fillcolor=\"#fde4e4\"; color=\"#e8a0a0\"; fontcolor=\"#9b1c1c\";")
                        .append(" fontsize=11; labeljust=l; label=")
                        .append(Dot.quote("window of exposure: a reader could reach the bad state (steps "
                                + trace.steps().get(trace.windowFrom()).number() + " to "
                                + trace.steps().get(trace.windowTo()).number() + ")"))
                        .append(";\n");
            }
            row(dot, trace, i, widths);
            if (trace.hasWindow() && i == trace.windowTo()) {
                dot.append("  }\n");
            }
        }
        lifelines(dot, trace);
        flow(dot, trace);
        dot.append("}\n");
        return dot.toString();
    }

    /**
     * Every cell of a lane gets the lane's width (inches, estimated from the longest label line), so the
     * columns stay straight even where the window band groups some rows.
     */
    private static double[] laneWidths(TraceView trace) {
        double[] widths = new double[trace.lanes().size()];
        for (int lane = 0; lane < widths.length; lane++) {
            widths[lane] = inches(trace.lanes().get(lane).length() + 4);
        }
        for (TraceStep step : trace.steps()) {
            int lane = trace.lanes().indexOf(step.lane());
            int longest = 0;
            for (String line : stepLines(trace, step)) {
                for (String part : TextWrap.wrap(line, LABEL_WIDTH, "", "  ")) {
                    longest = Math.max(longest, part.length());
                }
            }
            widths[lane] = Math.max(widths[lane], inches(longest));
        }
        return widths;
    }

    /** Characters of the 14-point title per line, so that it fits over the lanes (at least 30). */
    private static int titleWidth(double[] widths) {
        double total = 0.35 * (widths.length - 1);
        for (double width : widths) {
            total += width;
        }
        return Math.max(30, Math.min(90, (int) (total / 0.125)));
    }

    private static double inches(int characters) {
        return Math.max(1.0, characters * 0.066 + 0.4);
    }

    /** Two decimals, as "%.2f" gives them, without a Formatter (it was a fifth of the report's time). */
    private static String width(double inches) {
        long c = Math.abs(Math.round(inches * 100));
        return (inches < 0 && c != 0 ? "-" : "") + c / 100 + (c % 100 < 10 ? ".0" : ".") + c % 100;
    }

    private static void header(StringBuilder dot, TraceView trace, double[] widths) {
        dot.append("  { rank=same;\n");
        for (int lane = 0; lane < trace.lanes().size(); lane++) {
            dot.append("    ").append(head(lane)).append(" [label=").append(Dot.quote(trace.lanes().get(lane)))
                    .append(", style=\"filled,bold\", fillcolor=\"#dbe4ee\", fontsize=12, width=")
                    .append(width(widths[lane])).append("];\n");
        }
        order(dot, trace, lane -> head(lane));
        dot.append("  }\n");
    }

    private static void row(StringBuilder dot, TraceView trace, int index, double[] widths) {
        TraceStep step = trace.steps().get(index);
        int acting = trace.lanes().indexOf(step.lane());
        dot.append("  { rank=same;\n");
        for (int lane = 0; lane < trace.lanes().size(); lane++) {
            dot.append("    ").append(cell(index, lane));
            if (lane == acting) {
                dot.append(" [label=").append(Dot.label(stepLines(trace, step), LABEL_WIDTH))
                        .append(", width=").append(width(widths[lane]));
                if (step.violating()) {
                    dot.append(", fillcolor=\"#ffd4d4\", color=\"#c81e1e\", fontcolor=\"#7f1111\", penwidth=2.5");
                }
                dot.append("];\n");
            } else {
                dot.append(" [shape=box, style=invis, fixedsize=true, height=0.02, label=\"\", width=")
                        .append(width(widths[lane])).append("];\n");
            }
        }
        order(dot, trace, lane -> cell(index, lane));
        dot.append("  }\n");
    }

    static List<String> stepLines(TraceView trace, TraceStep step) {
        List<String> lines = new ArrayList<>();
        if (step.violating()) {
            lines.add("VIOLATES " + trace.property());
        }
        if (trace.isLasso() && trace.steps().indexOf(step) == trace.loopStart()) {
            lines.add("(cycle starts here)");
        }
        lines.add(step.number() + ". " + step.actor());
        lines.add(step.action());
        for (String change : step.changes()) {
            lines.add("- " + change);
        }
        for (String note : step.notes()) {
            lines.add("* " + note);
        }
        if (step.outcome() != null && !step.outcome().isBlank()) {
            lines.add("=> " + step.outcome());
        }
        return lines;
    }

    private static void lifelines(StringBuilder dot, TraceView trace) {
        for (int lane = 0; lane < trace.lanes().size(); lane++) {
            String previous = head(lane);
            for (int i = 0; i < trace.steps().size(); i++) {
                String next = cell(i, lane);
                boolean sameLaneStep = i > 0 && trace.steps().get(i - 1).lane().equals(trace.lanes().get(lane))
                        && trace.steps().get(i).lane().equals(trace.lanes().get(lane));
                dot.append("  ").append(previous).append(" -> ").append(next).append(sameLaneStep
                        ? " [weight=100, color=\"#2b6cb0\", penwidth=1.4];\n"
                        : " [weight=100, style=dashed, color=\"#c3cbd2\", arrowhead=none];\n");
                previous = next;
            }
        }
    }

    private static void flow(StringBuilder dot, TraceView trace) {
        for (int i = 1; i < trace.steps().size(); i++) {
            int from = trace.lanes().indexOf(trace.steps().get(i - 1).lane());
            int to = trace.lanes().indexOf(trace.steps().get(i).lane());
            if (from != to) {
                dot.append("  ").append(cell(i - 1, from)).append(" -> ").append(cell(i, to))
                        .append(" [constraint=false, color=\"#2b6cb0\", penwidth=1.4];\n");
            }
        }
        if (trace.isLasso() && !trace.steps().isEmpty()) {
            int last = trace.steps().size() - 1;
            int from = trace.lanes().indexOf(trace.steps().get(last).lane());
            int to = trace.lanes().indexOf(trace.steps().get(trace.loopStart()).lane());
            dot.append("  ").append(cell(last, from)).append(" -> ").append(cell(trace.loopStart(), to))
                    .append(" [constraint=false, color=\"#6b21a8\", fontcolor=\"#6b21a8\", penwidth=2,")
                    .append(" style=bold, label=\"cycle: repeats forever\"];\n");
        }
    }

    private static void order(StringBuilder dot, TraceView trace, java.util.function.IntFunction<String> id) {
        for (int lane = 1; lane < trace.lanes().size(); lane++) {
            dot.append("    ").append(id.apply(lane - 1)).append(" -> ").append(id.apply(lane))
                    .append(" [style=invis];\n");
        }
    }

    private static String head(int lane) {
        return "lane" + lane;
    }

    private static String cell(int step, int lane) {
        return "s" + step + "_" + lane;
    }
}
