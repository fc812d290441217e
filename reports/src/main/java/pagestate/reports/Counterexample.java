package pagestate.reports;

import java.nio.file.Path;

/**
 * One counterexample as written under the output directory.
 *
 * @param spec     the spec it belongs to
 * @param property the violated property (its trace is not null)
 * @param text     the text trace
 * @param svg      the diagram as inline-ready SVG
 * @param txt      the .txt file
 * @param dot      the .dot file
 * @param svgFile  the .svg file
 * @param png      the .png file, or null when no PNG was asked for
 */
public record Counterexample(SpecReport spec, PropertyReport property, String text, String svg, Path txt,
                             Path dot, Path svgFile, Path png) {
}
