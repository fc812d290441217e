package pagestate.reports;

import com.kitfox.svg.SVGDiagram;
import com.kitfox.svg.SVGException;
import com.kitfox.svg.SVGUniverse;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Rasterises a graphviz SVG to PNG with svgSalamander (which graphviz-java ships), headless. Used for
 * the GraalJS engine, which only makes SVG; rendering our own SVG saves a second layout.
 * svgSalamander drops the spaces next to character references ("1 -&gt; 0" comes out as "1-&gt;0"),
 * so spaces in text are turned into no-break spaces before it reads the document; and it takes the
 * colour "transparent" for a URL, so that becomes "none".
 */
final class SvgRaster {

    private static final Pattern TEXT = Pattern.compile("(<text\\b[^>]*>)([^<]*)(</text>)");

    private SvgRaster() {
    }

    static byte[] png(String svg, double scale) {
        SVGUniverse universe = new SVGUniverse();
        URI uri = universe.loadSVG(new StringReader(keepSpaces(svg)), "diagram.svg");
        SVGDiagram diagram = universe.getDiagram(uri);
        if (diagram == null) {
            throw new DiagramException("svgSalamander could not read the SVG");
        }
        diagram.setIgnoringClipHeuristic(true);
        int width = (int) Math.ceil(diagram.getWidth() * scale);
        int height = (int) Math.ceil(diagram.getHeight() * scale);
        if (width <= 0 || height <= 0 || (long) width * height > 200_000_000L) {
            throw new DiagramException("cannot rasterise a diagram of " + width + "x" + height + " pixels");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(scale, scale);
            diagram.render(g);
        } catch (SVGException e) {
            throw new DiagramException("svgSalamander could not draw the SVG: " + e.getMessage(), e);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Adapts graphviz's SVG to what svgSalamander reads: kept spaces, "none" for "transparent". */
    static String keepSpaces(String svg) {
        Matcher m = TEXT.matcher(svg.replace("=\"transparent\"", "=\"none\""));
        StringBuilder out = new StringBuilder(svg.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2).replace(' ', '\u00a0')
                    + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
