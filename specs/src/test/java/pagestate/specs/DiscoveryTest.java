package pagestate.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {

    @Test
    void theModuleDirectoryYieldsTheCatalogueOnly() throws IOException {
        List<Path> found = SpecLoader.discover(Path.of("."));
        long pspecs;
        try (var walk = java.nio.file.Files.walk(Path.of("catalog"))) {
            pspecs = walk.filter(f -> f.toString().endsWith(".pspec")).count();
        }
        assertEquals(pspecs, found.size(), "every catalogue spec, and nothing from bench/ or the fixtures");
        for (Path p : found) assertTrue(Path.of(".").relativize(p).startsWith("catalog"), p + " is not in the catalogue");
        List<Path> sorted = new ArrayList<>(found);
        sorted.sort(null);
        assertEquals(sorted, found, "sorted by path");
    }

    @Test
    void benchIsFoundWhenNamed() throws IOException {
        List<Path> found = SpecLoader.discover(Path.of("bench"));
        assertEquals(List.of(Path.of("bench/kelley-seven-step-snp-to-private-4cpu.pspec"),
                Path.of("bench/tdx-generic-to-shared-3cpu-2pages.pspec"),
                Path.of("bench/tdx-generic-to-shared-4cpu-2pages.pspec"),
                Path.of("bench/tdx-generic-to-shared-4cpu-3pages-symmetric.pspec"),
                Path.of("bench/tdx-generic-to-shared-4cpu.pspec"),
                Path.of("bench/tdx-generic-to-shared-8cpu.pspec"),
                Path.of("bench/tdx-to-shared-no-tlb-flush-4cpu-3pages-symmetric.pspec")), found);
    }

    @Test
    void fixturesAreFoundOnlyWhenNamed() throws IOException {
        assertTrue(SpecLoader.discover(Path.of("src")).isEmpty());
        assertTrue(SpecLoader.discover(Path.of("src/test/resources/fixtures")).contains(
                Path.of("src/test/resources/fixtures/extends/base.pspec")));
    }

    @Test
    void hiddenAndTargetDirectoriesAreSkippedAndOrderIsDeterministic(@TempDir Path root) throws IOException {
        for (String f : List.of("b/z.pspec", "a.pspec", "b/a.pspec", ".hidden/x.pspec", "target/y.pspec", "c/notes.txt",
                "ign/q.pspec", "ign/.pagestate-ignore", "d/e/f.pspec")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.writeString(root.resolve(f), "");
        }
        List<Path> found = SpecLoader.discover(root);
        List<String> rel = new ArrayList<>();
        for (Path p : found) rel.add(root.relativize(p).toString().replace('\\', '/'));
        assertEquals(List.of("a.pspec", "b/a.pspec", "b/z.pspec", "d/e/f.pspec"), rel);
        assertEquals(List.of(root.resolve("ign/q.pspec")), SpecLoader.discover(root.resolve("ign")));
        assertEquals(List.of(root.resolve("a.pspec")), SpecLoader.discover(root.resolve("a.pspec")));
    }

    @Test
    void aMissingRootIsAnIOException() {
        assertThrows(NoSuchFileException.class, () -> SpecLoader.discover(Path.of("no-such-dir")));
    }
}
