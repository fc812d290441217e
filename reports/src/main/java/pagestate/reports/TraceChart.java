package pagestate.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A counterexample as a swim-lane chart, laid out directly (no graph layout engine): one column per
 * lane, one row per step, each step's box in its actor's lane with its actor, action and what changed;
 * dashed lifelines down each lane, an arrow from each step to the next; the violating step in red; the
 * window of exposure as a light-red band; a lasso's way back as a purple arrow; a legend underneath.
 * The title names the property, the spec and the platform.
 */
final class TraceChart {

    static final int LABEL_WIDTH = 44;
    private static final double MARGIN = 16;
    private static final double SIZE = 12;
    private static final double LINE = 15;
    private static final double PAD = 8;
    private static final double GAP_X = 28;
    private static final double GAP_Y = 24;
    private static final double HEAD_SIZE = 13;
    private static final double HEAD_HEIGHT = 26;
    private static final double TITLE_SIZE = 15;
    private static final double NOTE_SIZE = 11;
    private static final String INK = "#1f2933";
    static final String MUTED = "#5b6770";
    static final String FLOW = "#2b6cb0";
    static final String CYCLE = "#6b21a8";
    static final String BAD = "#c81e1e";
    static final String BAD_FILL = "#ffd4d4";
    static final String BAND = "#fde4e4";
    static final String BAND_EDGE = "#e8a0a0";
    static final String STEP_FILL = "#f4f6f8";
    static final String STEP_EDGE = "#5b6770";
    private static final String HEAD_FILL = "#dbe4ee";
    static final String LIFELINE = "#c3cbd2";

    private TraceChart() {
    }

    /** The title: "Counterexample for PROPERTY in SPEC (PLATFORM)"; spec and platform may be empty. */
    static String title(TraceView trace, String spec, String platform) {
        String where = spec == null || spec.isBlank() ? ""
                : " in " + spec + (platform == null || platform.isBlank() ? "" : " (" + platform + ")");
        return (trace.isLasso() ? "Lasso counterexample" : "Counterexample") + " for " + trace.property() + where;
    }

    static Scene scene(TraceView trace, String spec, String platform) {
        String title = title(trace, spec, platform);
        Scene scene = new Scene(title);
        int lanes = trace.lanes().size();
        List<List<String>> labels = new ArrayList<>();
        double[] widths = new double[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            widths[lane] = Math.max(90, Scene.textWidth(trace.lanes().get(lane).length(), HEAD_SIZE) + 2 * PAD);
        }
        for (TraceStep step : trace.steps()) {
            List<String> lines = new ArrayList<>();
            for (String line : TraceDot.stepLines(trace, step)) {
                lines.addAll(TextWrap.wrap(line, LABEL_WIDTH, "", "  "));
            }
            labels.add(lines);
            int lane = trace.lanes().indexOf(step.lane());
            for (String line : lines) {
                widths[lane] = Math.max(widths[lane], Scene.textWidth(line.length(), SIZE) + 2 * PAD);
            }
        }
        double[] xs = new double[lanes];
        double right = MARGIN;
        for (int lane = 0; lane < lanes; lane++) {
            xs[lane] = right;
            right += widths[lane] + (lane + 1 < lanes ? GAP_X : 0);
        }
        String cycleNote = "cycle: repeats forever";
        double rail = right + 16;
        double contentRight = trace.isLasso() ? rail + 6 + Scene.textWidth(cycleNote.length(), NOTE_SIZE) : right;
        double width = Math.max(contentRight, MARGIN + Scene.textWidth(60, TITLE_SIZE)) + MARGIN;

        double y = MARGIN;
        int titleChars = (int) ((width - 2 * MARGIN) / (TITLE_SIZE * Scene.CHAR_WIDTH));
        for (String line : TextWrap.wrap(title, titleChars, "", "  ")) {
            y += TITLE_SIZE + 3;
            scene.text(MARGIN, y, line, TITLE_SIZE, true, INK);
        }
        if (trace.cause() != null && !trace.cause().isBlank()) {
            int causeChars = (int) ((width - 2 * MARGIN) / (SIZE * Scene.CHAR_WIDTH));
            for (String line : TextWrap.wrap("Cause: " + trace.cause(), causeChars, "", "  ")) {
                y += LINE;
                scene.text(MARGIN, y, line, SIZE, false, MUTED);
            }
        }
        y += 12;
        double headTop = y;
        y += HEAD_HEIGHT + GAP_Y;
        double[][] boxes = new double[trace.steps().size()][];
        double bandTop = 0;
        double bandBottom = 0;
        for (int i = 0; i < trace.steps().size(); i++) {
            if (trace.hasWindow() && i == trace.windowFrom()) {
                bandTop = y - GAP_Y / 2 + 4;
                y = bandTop + 22;
            }
            int lane = trace.lanes().indexOf(trace.steps().get(i).lane());
            double h = labels.get(i).size() * LINE + 2 * PAD - 2;
            boxes[i] = new double[] {xs[lane], y, widths[lane], h};
            y += h;
            if (trace.hasWindow() && i == trace.windowTo()) {
                bandBottom = y + 8;
                y += 8;
            }
            y += GAP_Y;
        }
        double bottom = y - GAP_Y + 10;
        if (trace.hasWindow()) {
            scene.box(MARGIN / 2, bandTop, right - MARGIN / 2 + 8, bandBottom - bandTop, BAND, BAND_EDGE, 1, null);
        }
        for (int lane = 0; lane < lanes; lane++) {
            double cx = xs[lane] + widths[lane] / 2;
            scene.line(LIFELINE, 1.2, true, false, cx, headTop + HEAD_HEIGHT, cx, bottom);
            scene.box(xs[lane], headTop, widths[lane], HEAD_HEIGHT, HEAD_FILL, STEP_EDGE, 1.5, trace.lanes().get(lane));
            scene.add(new Scene.Text(cx, headTop + 17.5, trace.lanes().get(lane), HEAD_SIZE, true, INK, true));
        }
        for (int i = 1; i < boxes.length; i++) {
            flow(scene, boxes[i - 1], boxes[i]);
        }
        if (trace.isLasso() && boxes.length > 0) {
            double[] last = boxes[boxes.length - 1];
            double[] start = boxes[trace.loopStart()];
            double fromY = last[1] + last[3] / 2;
            double toY = start[1] + Math.min(start[3] / 2, 14);
            scene.line(CYCLE, 2, false, true, last[0] + last[2], fromY, rail, fromY, rail, toY, start[0] + start[2], toY);
            scene.text(rail + 6, (fromY + toY) / 2 + 4, cycleNote, NOTE_SIZE, true, CYCLE);
        }
        for (int i = 0; i < boxes.length; i++) {
            step(scene, trace, i, boxes[i], labels.get(i));
        }
        if (trace.hasWindow()) {
            // on a patch of the band's colour, drawn last: an arrow passing under it does not cross the words
            String note = "window of exposure: a reader could reach the bad state (steps "
                    + trace.steps().get(trace.windowFrom()).number() + " to "
                    + trace.steps().get(trace.windowTo()).number() + ")";
            scene.add(new Scene.Box(MARGIN / 2 + 3, bandTop + 3, Scene.textWidth(note.length(), NOTE_SIZE) + 6, 16, 0,
                    BAND, null, 0, null));
            scene.text(MARGIN / 2 + 6, bandTop + 15, note, NOTE_SIZE, true, "#9b1c1c");
        }
        y = Legend.draw(scene, trace, MARGIN, bottom + 14, width - MARGIN);
        scene.size(width, y + MARGIN);
        return scene;
    }

    /** The arrow from one step to the next: straight down in one lane, else down, across and down. */
    private static void flow(Scene scene, double[] from, double[] to) {
        double x1 = from[0] + from[2] / 2;
        double y1 = from[1] + from[3];
        double x2 = to[0] + to[2] / 2;
        double y2 = to[1];
        if (Math.abs(x1 - x2) < 1) {
            scene.line(FLOW, 1.4, false, true, x1, y1, x2, y2);
        } else {
            double mid = y1 + GAP_Y / 2;
            scene.line(FLOW, 1.4, false, true, x1, y1, x1, mid, x2, mid, x2, y2);
        }
    }

    private static void step(Scene scene, TraceView trace, int index, double[] box, List<String> lines) {
        TraceStep step = trace.steps().get(index);
        boolean bad = step.violating();
        scene.box(box[0], box[1], box[2], box[3], bad ? BAD_FILL : STEP_FILL, bad ? BAD : STEP_EDGE,
                bad ? 2.5 : 1, String.join("\n", lines));
        String numbered = step.number() + ". ";
        double y = box[1] + PAD + SIZE - 1;
        for (String line : lines) {
            boolean strong = line.startsWith("VIOLATES ") || line.startsWith(numbered);
            scene.text(box[0] + PAD, y, line, SIZE, strong, line.startsWith("VIOLATES ") ? "#7f1111" : INK);
            y += LINE;
        }
    }
}
