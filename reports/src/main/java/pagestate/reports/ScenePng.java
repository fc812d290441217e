package pagestate.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A {@link Scene} painted with Java2D (headless) and encoded as PNG by the JDK's ImageIO: no SVG parser
 * and no second layout. The scene's own font, DejaVu Sans Mono, is used when installed, otherwise the
 * JDK's logical monospaced font.
 */
final class ScenePng {

    /**
     * The font family, looked up when a PNG is first painted: the lookup loads the JDK's fonts (a few
     * hundred ms), which an SVG-only report, using this class's arrow geometry, does not need.
     */
    private static final class Family {
        static final String NAME = monospaced();
    }
    private static final double ARROW_LENGTH = 8;
    private static final double ARROW_HALF_WIDTH = 4;

    private ScenePng() {
    }

    /** The PNG of {@code scene} at {@code scale} times its natural size. */
    static byte[] png(Scene scene, double scale) {
        System.setProperty("java.awt.headless", "true");
        int width = (int) Math.ceil(scene.width() * scale);
        int height = (int) Math.ceil(scene.height() * scale);
        if (width <= 0 || height <= 0 || (long) width * height > 100_000_000L) {
            throw new DiagramException("cannot draw a diagram of " + width + "x" + height + " pixels");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(scale, scale);
            for (Scene.Shape shape : scene.shapes()) {
                if (shape instanceof Scene.Box b) {
                    box(g, b);
                } else if (shape instanceof Scene.Line l) {
                    line(g, l);
                } else if (shape instanceof Scene.Text t) {
                    text(g, t);
                }
            }
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    /** The arrowhead's triangle (x, y pairs) at the end of a polyline. */
    static double[] arrowHead(double[] xy) {
        int n = xy.length;
        double tipX = xy[n - 2];
        double tipY = xy[n - 1];
        double dx = tipX - xy[n - 4];
        double dy = tipY - xy[n - 3];
        double length = Math.max(Math.hypot(dx, dy), 1e-9);
        double ux = dx / length;
        double uy = dy / length;
        double baseX = tipX - ux * ARROW_LENGTH;
        double baseY = tipY - uy * ARROW_LENGTH;
        return new double[] {tipX, tipY, baseX - uy * ARROW_HALF_WIDTH, baseY + ux * ARROW_HALF_WIDTH,
            baseX + uy * ARROW_HALF_WIDTH, baseY - ux * ARROW_HALF_WIDTH};
    }

    private static void box(Graphics2D g, Scene.Box b) {
        RoundRectangle2D shape = new RoundRectangle2D.Double(b.x(), b.y(), b.w(), b.h(), 2 * b.radius(),
                2 * b.radius());
        if (b.fill() != null) {
            g.setColor(colour(b.fill()));
            g.fill(shape);
        }
        if (b.stroke() != null) {
            g.setColor(colour(b.stroke()));
            g.setStroke(new BasicStroke((float) b.strokeWidth()));
            g.draw(shape);
        }
    }

    private static void line(Graphics2D g, Scene.Line l) {
        double[] xy = l.xy();
        double[] end = l.arrow() ? shortened(xy) : xy;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(end[0], end[1]);
        for (int i = 2; i < end.length; i += 2) {
            path.lineTo(end[i], end[i + 1]);
        }
        g.setColor(colour(l.colour()));
        g.setStroke(l.dashed()
                ? new BasicStroke((float) l.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {5f, 4f}, 0f)
                : new BasicStroke((float) l.width()));
        g.draw(path);
        if (l.arrow()) {
            double[] head = arrowHead(xy);
            Path2D.Double triangle = new Path2D.Double();
            triangle.moveTo(head[0], head[1]);
            triangle.lineTo(head[2], head[3]);
            triangle.lineTo(head[4], head[5]);
            triangle.closePath();
            g.fill(triangle);
        }
    }

    /** The polyline ending at the arrowhead's base, so that a thick line does not blunt the tip. */
    static double[] shortened(double[] xy) {
        double[] head = arrowHead(xy);
        double[] copy = Arrays.copyOf(xy, xy.length);
        copy[xy.length - 2] = (head[2] + head[4]) / 2;
        copy[xy.length - 1] = (head[3] + head[5]) / 2;
        return copy;
    }

    private static void text(Graphics2D g, Scene.Text t) {
        g.setFont(new Font(Family.NAME, t.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) t.size()));
        g.setColor(colour(t.colour()));
        float x = (float) t.x();
        if (t.centred()) {
            FontMetrics metrics = g.getFontMetrics();
            x -= metrics.stringWidth(t.text()) / 2f;
        }
        g.drawString(t.text(), x, (float) t.y());
    }

    private static Color colour(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            // deflate level 1 (quality 0.9): drawings of flat colour compress well anyway, and fast
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static String monospaced() {
        try {
            for (String family : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
                if (family.equals("DejaVu Sans Mono")) {
                    return family;
                }
            }
        } catch (RuntimeException | Error e) {
            // no font configuration at all: the logical font below still draws
        }
        return Font.MONOSPACED;
    }
}
