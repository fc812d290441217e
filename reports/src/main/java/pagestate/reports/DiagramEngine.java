package pagestate.reports;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which program lays out and draws the diagrams. Chosen explicitly: {@link #detect} takes the
 * {@code dot} program when it is on the PATH and GraalJS (graphviz compiled to JavaScript, bundled
 * with graphviz-java as viz.js) otherwise, so a machine without graphviz still gets its diagrams.
 */
public enum DiagramEngine {
    /** The {@code dot} program on the PATH (graphviz-java's GraphvizCmdLineEngine). */
    DOT_COMMAND,
    /**
     * viz.js run by GraalJS in interpreter mode on a stock JDK (graphviz-java's GraphvizJdkEngine).
     * Pure Java; slower (a few seconds to load, about a second a diagram).
     */
    GRAAL_JS;

    /** DOT_COMMAND when an executable {@code dot} is on the PATH, GRAAL_JS otherwise. */
    public static DiagramEngine detect() {
        return dotOnPath(System.getenv("PATH")) ? DOT_COMMAND : GRAAL_JS;
    }

    static boolean dotOnPath(String path) {
        if (path == null || path.isBlank()) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }
}
