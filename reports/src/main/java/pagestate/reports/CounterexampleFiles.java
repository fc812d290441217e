package pagestate.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every counterexample of a run as {@code OUT/<spec>/<property>.txt}, {@code .dot}, {@code .svg}
 * and, when asked, {@code .png} (names made file-safe, see {@link #specDirectory}). The SVG and PNG are
 * drawn by {@link TraceChart} without a graph layout engine (an SVG takes well under a millisecond; a PNG
 * 25 to 50 ms of CPU, nearly all of it in the JDK's PNG encoder, hence optional); the DOT file is there
 * for those who want graphviz's layout.
 */
public final class CounterexampleFiles {

    /** PNG pixels per SVG pixel: the PNG is for pasting into mail and bug trackers, so a bit larger. */
    static final double PNG_SCALE = 1.5;

    /** Told after each counterexample is written. */
    public interface Progress {
        /** {@code done} of {@code total} counterexamples are written. */
        void written(int done, int total);
    }

    private final boolean png;
    private final Progress progress;

    /** Writes PNG images too when {@code png}; tells {@code progress} of each counterexample written. */
    public CounterexampleFiles(boolean png, Progress progress) {
        this.png = png;
        this.progress = progress;
    }

    /** The number of counterexamples {@link #write} writes for {@code report}. */
    public static int count(RunReport report) {
        int count = 0;
        for (SpecReport spec : report.specs()) {
            for (PropertyReport property : spec.properties()) {
                count += property.trace() == null ? 0 : 1;
            }
        }
        return count;
    }

    /** Writes the files and returns what was written, in spec and property order. */
    public List<Counterexample> write(RunReport report, Path outDir) throws IOException {
        List<Counterexample> written = new ArrayList<>();
        int total = count(report);
        List<String> specSlugs = Slugs.forSpecs(report);
        for (int s = 0; s < report.specs().size(); s++) {
            SpecReport spec = report.specs().get(s);
            List<String> propertySlugs = Slugs.forProperties(spec);
            for (int p = 0; p < spec.properties().size(); p++) {
                PropertyReport property = spec.properties().get(p);
                if (property.trace() != null) {
                    Path base = outDir.resolve(specSlugs.get(s)).resolve(propertySlugs.get(p));
                    written.add(write(spec, property, base));
                    progress.written(written.size(), total);
                }
            }
        }
        return written;
    }

    /** The directory of a spec's files: {@code OUT/<spec slug>}, by position in the run. */
    public static Path specDirectory(RunReport report, int specIndex, Path outDir) {
        return outDir.resolve(Slugs.forSpecs(report).get(specIndex));
    }

    private Counterexample write(SpecReport spec, PropertyReport property, Path base) throws IOException {
        Files.createDirectories(base.getParent());
        String text = TextTrace.render(property);
        String dot = TraceDot.toDot(property.trace(), spec.name(), spec.platform());
        Scene chart = TraceChart.scene(property.trace(), spec.name(), spec.platform());
        String svg = SceneSvg.svg(chart);
        Path txt = sibling(base, ".txt");
        Path dotFile = sibling(base, ".dot");
        Path svgFile = sibling(base, ".svg");
        Path pngFile = png ? sibling(base, ".png") : null;
        Files.writeString(txt, text, StandardCharsets.UTF_8);
        Files.writeString(dotFile, dot, StandardCharsets.UTF_8);
        Files.writeString(svgFile, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                + svg, StandardCharsets.UTF_8);
        if (png) {
            Files.write(pngFile, ScenePng.png(chart, PNG_SCALE));
        }
        return new Counterexample(spec, property, text, svg, txt, dotFile, svgFile, pngFile);
    }

    private static Path sibling(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }
}
