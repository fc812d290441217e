package pagestate.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every counterexample of a run as {@code OUT/<spec>/<property>.txt}, {@code .dot}, {@code .svg}
 * and {@code .png} (names made file-safe, see {@link #specDirectory}).
 */
public final class CounterexampleFiles {

    private final Diagrams diagrams;

    public CounterexampleFiles(Diagrams diagrams) {
        this.diagrams = diagrams;
    }

    /** Writes the files and returns what was written, in spec and property order. */
    public List<Counterexample> write(RunReport report, Path outDir) throws IOException {
        List<Counterexample> written = new ArrayList<>();
        List<String> specSlugs = Slugs.forSpecs(report);
        for (int s = 0; s < report.specs().size(); s++) {
            SpecReport spec = report.specs().get(s);
            List<String> propertySlugs = Slugs.forProperties(spec);
            for (int p = 0; p < spec.properties().size(); p++) {
                PropertyReport property = spec.properties().get(p);
                if (property.trace() != null) {
                    Path base = outDir.resolve(specSlugs.get(s)).resolve(propertySlugs.get(p));
                    written.add(write(spec, property, base));
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
        String dot = TraceDot.toDot(property.trace());
        Diagrams.Drawing drawing = diagrams.draw(dot);
        Path txt = sibling(base, ".txt");
        Path dotFile = sibling(base, ".dot");
        Path svgFile = sibling(base, ".svg");
        Path png = sibling(base, ".png");
        Files.writeString(txt, text, StandardCharsets.UTF_8);
        Files.writeString(dotFile, dot, StandardCharsets.UTF_8);
        Files.writeString(svgFile, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                + drawing.svg(), StandardCharsets.UTF_8);
        Files.write(png, drawing.png());
        return new Counterexample(spec, property, text, drawing.svg(), txt, dotFile, svgFile, png);
    }

    private static Path sibling(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }
}
