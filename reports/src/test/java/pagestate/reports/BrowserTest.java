package pagestate.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML report in a real headless browser. Without chromium the test passes but says plainly
 * that the browser check did not run; with CI=true or PAGESTATE_REQUIRE_BROWSER=1 it fails instead.
 */
class BrowserTest {

    static final Path DIR = Path.of("target", "browser-test").toAbsolutePath();

    @Test
    void theReportRendersInChromiumWithOneRowPerSpecAndWorkingLinks() throws Exception {
        Files.createDirectories(DIR);
        Optional<Chromium> browser = Chromium.find(Files.createTempDirectory(DIR, "profile"));
        if (browser.isEmpty()) {
            Optional<String> failure = whenMissing(System.getenv());
            if (failure.isPresent()) {
                fail(failure.get());
            }
            System.out.println("BROWSER CHECK DID NOT RUN: chromium not found");
            return;
        }
        Chromium chromium = browser.get();
        Path index = ReportDirectoryTest.Written.index();
        Document dom = Jsoup.parse(chromium.dumpDom(index), index.toUri().toString());
        assertEquals(FakeRuns.run().specs().size(), dom.select("table.matrix tbody tr").size(), "one row per spec");
        assertEquals(FakeRuns.EVIL_NAME, dom.select("table.matrix tbody tr").get(2).selectFirst("th a").text(),
                "the escaped name renders as text");
        assertTrue(dom.select("script").isEmpty(), "no script element made it into the rendered DOM");
        int links = LinkCheck.assertLinksResolve(index, dom);
        assertTrue(links >= 3, "links checked: " + links);

        Path spec = index.getParent().resolve(dom.select("table.matrix tbody tr").get(0).selectFirst("th a").attr("href"));
        Document specDom = Jsoup.parse(chromium.dumpDom(spec), spec.toUri().toString());
        assertEquals(2, specDom.select("section.cx svg").size(), "the inline diagrams are in the rendered page");
        LinkCheck.assertLinksResolve(spec, specDom);

        for (Path page : new Path[] {index, spec}) {
            Path shot = DIR.resolve(page.equals(index) ? "index.png" : "spec.png");
            Files.deleteIfExists(shot);
            chromium.screenshot(page, shot, 1400, 900);
            BufferedImage image = ImageIO.read(shot.toFile());
            assertNotNull(image, "screenshot is an image");
            assertEquals(1400, image.getWidth());
            assertTrue(distinctColours(image) > 20, "the screenshot shows a rendered page, not a blank one");
            System.out.println("browser screenshot: " + shot);
        }
    }

    /** A failure message when the environment demands the browser check (CI=true, PAGESTATE_REQUIRE_BROWSER=1). */
    static Optional<String> whenMissing(java.util.Map<String, String> env) {
        boolean required = "true".equalsIgnoreCase(env.get("CI")) || "1".equals(env.get("PAGESTATE_REQUIRE_BROWSER"));
        return required ? Optional.of("chromium not found, and CI=true or PAGESTATE_REQUIRE_BROWSER=1 requires"
                + " the browser check (apt-get install chromium)") : Optional.empty();
    }

    @Test
    void aMissingBrowserFailsOnlyWhereTheBrowserIsRequired() {
        assertTrue(whenMissing(java.util.Map.of("CI", "true")).isPresent());
        assertTrue(whenMissing(java.util.Map.of("PAGESTATE_REQUIRE_BROWSER", "1")).isPresent());
        assertTrue(whenMissing(java.util.Map.of("CI", "false")).isEmpty());
        assertTrue(whenMissing(java.util.Map.of()).isEmpty());
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
