package pagestate.reports;


/** A {@link Scene} as an SVG document (no XML declaration, ready to inline into HTML). */
final class SceneSvg {

    static final String FONT = "'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace";

    private SceneSvg() {
    }

    static String svg(Scene scene) {
        StringBuilder s = new StringBuilder(16_384);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(scene.width()))
                .append("\" height=\"").append(n(scene.height())).append("\" viewBox=\"0 0 ")
                .append(n(scene.width())).append(' ').append(n(scene.height()))
                .append("\" font-family=\"").append(FONT).append("\" style=\"white-space:pre\">\n");
        s.append("<title>").append(Html.escape(scene.title())).append("</title>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (Scene.Shape shape : scene.shapes()) {
            if (shape instanceof Scene.Box b) {
                box(s, b);
            } else if (shape instanceof Scene.Line l) {
                line(s, l);
            } else if (shape instanceof Scene.Text t) {
                text(s, t);
            }
        }
        return s.append("</svg>\n").toString();
    }

    private static void box(StringBuilder s, Scene.Box b) {
        s.append("<rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y())).append("\" width=\"")
                .append(n(b.w())).append("\" height=\"").append(n(b.h())).append("\" rx=\"").append(n(b.radius()))
                .append("\" fill=\"").append(b.fill() == null ? "none" : b.fill()).append('"');
        if (b.stroke() != null) {
            s.append(" stroke=\"").append(b.stroke()).append("\" stroke-width=\"").append(n(b.strokeWidth()))
                    .append('"');
        }
        if (b.tip() == null) {
            s.append("/>\n");
        } else {
            s.append("><title>").append(Html.escape(b.tip())).append("</title></rect>\n");
        }
    }

    private static void line(StringBuilder s, Scene.Line l) {
        double[] xy = l.arrow() ? ScenePng.shortened(l.xy()) : l.xy();
        s.append("<polyline points=\"");
        for (int i = 0; i < xy.length; i += 2) {
            s.append(i == 0 ? "" : " ").append(n(xy[i])).append(',').append(n(xy[i + 1]));
        }
        s.append("\" fill=\"none\" stroke=\"").append(l.colour()).append("\" stroke-width=\"").append(n(l.width()))
                .append('"');
        if (l.dashed()) {
            s.append(" stroke-dasharray=\"5,4\"");
        }
        if (l.arrow()) {
            s.append("/>\n");
            double[] head = ScenePng.arrowHead(l.xy());
            s.append("<polygon points=\"");
            for (int i = 0; i < head.length; i += 2) {
                s.append(i == 0 ? "" : " ").append(n(head[i])).append(',').append(n(head[i + 1]));
            }
            s.append("\" fill=\"").append(l.colour()).append("\"/>\n");
        } else {
            s.append("/>\n");
        }
    }

    private static void text(StringBuilder s, Scene.Text t) {
        s.append("<text x=\"").append(n(t.x())).append("\" y=\"").append(n(t.y())).append("\" font-size=\"")
                .append(n(t.size())).append("\" fill=\"").append(t.colour()).append('"');
        if (t.bold()) {
            s.append(" font-weight=\"bold\"");
        }
        if (t.centred()) {
            s.append(" text-anchor=\"middle\"");
        }
        s.append('>').append(Html.escape(t.text())).append("</text>\n");
    }

    private static String n(double v) {
        long r = Math.round(v);
        if (Math.abs(v - r) < 0.005) return Long.toString(r);
        // two decimals without a Formatter (it was a tenth of the report's time)
        long c = Math.abs(Math.round(v * 100));
        return (v < 0 ? "-" : "") + c / 100 + (c % 100 < 10 ? ".0" : ".") + c % 100;
    }
}
