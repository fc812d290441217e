package pagestate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import pagestate.reports.Diagrams;
import pagestate.reports.PropertyReport;
import pagestate.reports.RunReport;
import pagestate.reports.SpecReport;
import pagestate.reports.TextTrace;
import pagestate.reports.TraceDot;

/** {@code --out DIR}: a text trace and a diagram (DOT, SVG, PNG) per counterexample. */
final class ReportFolder {

    private ReportFolder() { }

    static void write(RunReport run, Path dir, PrintWriter err) throws IOException {
        Files.createDirectories(dir);
        Diagrams diagrams = Diagrams.start();
        for (SpecReport spec : run.specs()) {
            Path specDir = dir.resolve(safe(spec.name()));
            for (PropertyReport p : spec.properties()) {
                if (p.trace() == null) continue;
                Files.createDirectories(specDir);
                String base = safe(p.name());
                Files.writeString(specDir.resolve(base + ".txt"), TextTrace.render(p));
                String dot = TraceDot.toDot(p.trace());
                Files.writeString(specDir.resolve(base + ".dot"), dot);
                Diagrams.Drawing d = diagrams.draw(dot);
                Files.writeString(specDir.resolve(base + ".svg"), d.svg());
                Files.write(specDir.resolve(base + ".png"), d.png());
            }
        }
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
