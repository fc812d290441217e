package pagestate.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Headless Debian chromium, driven through its command line, offline (no network features). */
final class Chromium {

    private final Path binary;
    private final Path profile;

    private Chromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    /** The browser, when one is installed. */
    static Optional<Chromium> find(Path profile) {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "chromium"));
                    candidates.add(Path.of(dir, "chromium-browser"));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(b -> new Chromium(b, profile));
    }

    /** The DOM after the page loaded, as chromium serialises it. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toUri().toString()), null);
    }

    /** The DOM after the page loaded in a window of the given size (its scripts have run). */
    String dumpDom(Path page, int width, int height) throws IOException, InterruptedException {
        return run(List.of("--window-size=" + width + "," + height, "--dump-dom", page.toUri().toString()), null);
    }

    /** Takes a screenshot of the page at the given window size. */
    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", page.toUri().toString()), png);
    }

    private String run(List<String> arguments, Path expectedFile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps",
                "--disable-extensions", "--metrics-recording-only", "--no-default-browser-check",
                "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(arguments);
        Path stdout = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path stderr = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish in 90 s: " + command);
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || expectedFile != null && !Files.exists(expectedFile)) {
            throw new IOException("chromium failed (exit " + process.exitValue() + "): "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return out;
    }
}
