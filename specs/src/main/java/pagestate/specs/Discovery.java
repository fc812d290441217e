package pagestate.specs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds spec files under a directory, in a deterministic order; see {@link SpecLoader#discover}. */
final class Discovery {
    private Discovery() { }

    static List<Path> discover(Path root) throws IOException {
        if (!Files.exists(root)) throw new NoSuchFileException(root.toString());
        if (!Files.isDirectory(root)) return List.of(root);
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) return FileVisitResult.CONTINUE;
                String name = dir.getFileName().toString();
                if (name.startsWith(".") || name.equals("target") || Files.exists(dir.resolve(SpecLoader.IGNORE_MARKER))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && name.endsWith(SpecLoader.EXTENSION) && !name.startsWith(".")) found.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(p -> root.relativize(p).toString().replace('\\', '/')));
        return List.copyOf(found);
    }
}
