package pagestate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import pagestate.reports.JsonReport;
import pagestate.reports.JunitXml;
import pagestate.reports.RunReport;

/** Writes the machine outputs and the report folder a run asked for. */
final class Outputs {

    private Outputs() { }

    static void write(RunReport run, Path json, Path junit, Path outDir, boolean png, PrintWriter err,
                      boolean progress)
            throws IOException {
        if (json != null) JsonReport.write(run, json);
        if (junit != null) JunitXml.write(run, junit);
        if (outDir != null) ReportFolder.write(run, outDir, png, err, progress);
    }
}
