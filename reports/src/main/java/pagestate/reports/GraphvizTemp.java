package pagestate.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Gives graphviz-java a temporary folder of this process's own. graphviz-java 0.18 keeps its temporary
 * files (the {@code dot} engine's input and output per diagram) in {@code java.io.tmpdir/GraphvizJava},
 * one folder shared by every process on the machine, which it also prunes when it loads; runs at the same
 * time must not share it. Its class {@code TempFiles} reads {@code java.io.tmpdir} once, when it loads:
 * it is loaded here with that property pointing at a fresh private folder, which is deleted when the
 * process ends.
 */
final class GraphvizTemp {
    private static final String TEMP_FILES = "guru.nidi.graphviz.engine.TempFiles";
    private static Path folder;

    private GraphvizTemp() {
    }

    /**
     * The private folder, created on the first call (if graphviz-java had already loaded its temp files
     * elsewhere in this process, they stay where they are).
     */
    static synchronized Path isolate() {
        if (folder != null) {
            return folder;
        }
        ClassLoader loader = GraphvizTemp.class.getClassLoader();
        String shared = System.getProperty("java.io.tmpdir");
        Path own;
        try {
            own = Files.createTempDirectory("pagestate-graphviz-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the diagrams", e);
        }
        System.setProperty("java.io.tmpdir", own.toString());
        try {
            Class.forName(TEMP_FILES, true, loader);
        } catch (ClassNotFoundException e) {
            // another graphviz-java version, without that class: nothing shared to isolate
        } finally {
            System.setProperty("java.io.tmpdir", shared);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(own), "pagestate-graphviz-temp"));
        folder = own;
        return own;
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit
        }
    }
}
