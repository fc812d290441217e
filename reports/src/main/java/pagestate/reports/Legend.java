package pagestate.reports;

import java.util.ArrayList;
import java.util.List;

/** The legend under a {@link TraceChart}: what its boxes, band and arrows mean (only what it shows). */
final class Legend {

    private static final double SIZE = 11;
    private static final double SWATCH = 22;
    private static final double ROW = 18;

    private Legend() {
    }

    private interface Swatch {
        void draw(Scene scene, double x, double baseline);
    }

    private record Entry(String label, Swatch swatch) {
    }

    /** Draws the legend from (left, y), wrapping before {@code right}; returns the y below it. */
    static double draw(Scene scene, TraceView trace, double left, double y, double right) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("step, in its actor's lane", (s, x, b) ->
                s.box(x, b - 9, SWATCH, 12, TraceChart.STEP_FILL, TraceChart.STEP_EDGE, 1, null)));
        if (trace.violatingIndex() >= 0) {
            entries.add(new Entry("violating step", (s, x, b) ->
                    s.box(x, b - 9, SWATCH, 12, TraceChart.BAD_FILL, TraceChart.BAD, 2, null)));
        }
        if (trace.hasWindow()) {
            entries.add(new Entry("window of exposure", (s, x, b) ->
                    s.box(x, b - 9, SWATCH, 12, TraceChart.BAND, TraceChart.BAND_EDGE, 1, null)));
        }
        entries.add(new Entry("next step", (s, x, b) ->
                s.line(TraceChart.FLOW, 1.4, false, true, x, b - 4, x + SWATCH, b - 4)));
        if (trace.isLasso()) {
            entries.add(new Entry("back to the cycle's start (repeats forever)", (s, x, b) ->
                    s.line(TraceChart.CYCLE, 2, false, true, x, b - 4, x + SWATCH, b - 4)));
        }
        entries.add(new Entry("lifeline", (s, x, b) ->
                s.line(TraceChart.LIFELINE, 1.2, true, false, x, b - 4, x + SWATCH, b - 4)));
        double x = left;
        double baseline = y + SIZE;
        for (Entry entry : entries) {
            double end = x + SWATCH + 6 + Scene.textWidth(entry.label().length(), SIZE);
            if (end > right && x > left) {
                x = left;
                baseline += ROW;
                end = x + SWATCH + 6 + Scene.textWidth(entry.label().length(), SIZE);
            }
            entry.swatch().draw(scene, x, baseline);
            scene.text(x + SWATCH + 6, baseline, entry.label(), SIZE, false, TraceChart.MUTED);
            x = end + 18;
        }
        return baseline + 6;
    }
}
