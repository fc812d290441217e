package pagestate.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A drawing as positioned shapes in pixels (y grows downwards), laid out once and rendered both to SVG
 * ({@link SceneSvg}) and to PNG ({@link ScenePng}), so that the two always show the same picture. Text
 * is monospaced (DejaVu Sans Mono), so its width is known exactly without measuring fonts.
 */
final class Scene {

    /** Advance of one character of the monospaced font, as a fraction of its size (DejaVu Sans Mono). */
    static final double CHAR_WIDTH = 0.602;

    /** A filled rectangle with rounded corners; {@code stroke} null for none. {@code tip}: hover text. */
    record Box(double x, double y, double w, double h, double radius, String fill, String stroke,
               double strokeWidth, String tip) implements Shape {
    }

    /** A polyline through {@code xy} (x0, y0, x1, y1, ...), dashed or not, with an arrowhead at its end or not. */
    record Line(double[] xy, String colour, double width, boolean dashed, boolean arrow) implements Shape {
    }

    /** One line of text whose left end (or centre) is at x and whose baseline is at y. */
    record Text(double x, double y, String text, double size, boolean bold, String colour, boolean centred)
            implements Shape {
    }

    sealed interface Shape permits Box, Line, Text {
    }

    private final List<Shape> shapes = new ArrayList<>();
    private final String title;
    private double width;
    private double height;

    Scene(String title) {
        this.title = title;
    }

    /** The width of {@code characters} characters of text of the given size. */
    static double textWidth(int characters, double size) {
        return characters * size * CHAR_WIDTH;
    }

    void add(Shape shape) {
        shapes.add(shape);
    }

    void box(double x, double y, double w, double h, String fill, String stroke, double strokeWidth, String tip) {
        add(new Box(x, y, w, h, 5, fill, stroke, strokeWidth, tip));
    }

    void text(double x, double y, String text, double size, boolean bold, String colour) {
        add(new Text(x, y, text, size, bold, colour, false));
    }

    void line(String colour, double width, boolean dashed, boolean arrow, double... xy) {
        add(new Line(xy, colour, width, dashed, arrow));
    }

    /** Fixes the canvas size. */
    void size(double w, double h) {
        this.width = Math.ceil(w);
        this.height = Math.ceil(h);
    }

    List<Shape> shapes() {
        return shapes;
    }

    String title() {
        return title;
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }
}
