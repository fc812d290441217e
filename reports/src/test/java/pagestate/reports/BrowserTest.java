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

    /**
     * The verdict matrix of a run as wide as the catalogue (24 specs with long names, 30 properties) fits
     * a 1400-pixel window: a script added to a copy of the page (the report itself has none) measures the
     * right edge of every matrix as chromium lays it out, and writes it into the DOM it dumps.
     */
    @Test
    void theVerdictMatrixFits1400Pixels() throws Exception {
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
        Path wide = DIR.resolve("wide");
        Path index = ReportDirectoryTest.writeTo(wide, FakeRuns.wide());
        String measure = "<script>var r = 0, o = 0; document.querySelectorAll('table.matrix').forEach(function (t) {"
                + " r = Math.max(r, t.getBoundingClientRect().right);"
                + " o = Math.max(o, t.parentElement.scrollWidth - t.parentElement.clientWidth); });"
                + " document.body.setAttribute('data-matrix-right', Math.ceil(r));"
                + " document.body.setAttribute('data-overflow', o);"
                + " document.body.setAttribute('data-page-width', document.documentElement.scrollWidth);</script>";
        Path measured = wide.resolve("measured.html");
        Files.writeString(measured, Files.readString(index).replace("</body>", measure + "</body>"));
        Document dom = Jsoup.parse(browser.get().dumpDom(measured, 1400, 900), measured.toUri().toString());
        int right = Integer.parseInt(dom.body().attr("data-matrix-right"));
        int page = Integer.parseInt(dom.body().attr("data-page-width"));
        int overflow = Integer.parseInt(dom.body().attr("data-overflow"));
        System.out.println("verdict matrix of 30 properties: right edge at " + right + " px, page " + page
                + " px, scrolled part " + overflow + " px");
        assertEquals(0, overflow, "the matrix needs no horizontal scrolling");
        assertTrue(right > 600, "the matrix was laid out: " + right);
        assertTrue(right <= 1400, "the verdict matrix ends at " + right + " px, beyond 1400");
        assertTrue(page <= 1400, "the page is " + page + " px wide");
        chromium(browser.get(), measured);
    }

    private static void chromium(Chromium chromium, Path page) throws Exception {
        Path shot = DIR.resolve("wide.png");
        Files.deleteIfExists(shot);
        chromium.screenshot(page, shot, 1400, 900);
        System.out.println("browser screenshot: " + shot);
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
