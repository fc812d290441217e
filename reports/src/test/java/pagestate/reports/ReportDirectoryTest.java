package pagestate.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guru.nidi.graphviz.parse.Parser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writes one full output directory (HTML, counterexample files) and checks what is in it. */
class ReportDirectoryTest {

    static final Path OUT = Path.of("target", "report-test", "out").toAbsolutePath();

    @BeforeAll
    static void writeReport() throws IOException {
        Written.index();
    }

    /** The report is written once per test JVM and shared with the browser test (rendering is slow). */
    static final class Written {
        private static Path index;

        static synchronized Path index() throws IOException {
            if (index == null) {
                index = writeTo(OUT);
            }
            return index;
        }
    }

    /** Writes the fake run's report to {@code dir} (emptied first). */
    static Path writeTo(Path dir) throws IOException {
        return writeTo(dir, FakeRuns.run());
    }

    /** Writes {@code run}'s report to {@code dir} (emptied first). */
    static Path writeTo(Path dir, RunReport run) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return HtmlReport.write(run, dir);
    }

    @Test
    void everyCounterexampleHasItsFourFiles() throws Exception {
        RunReport run = FakeRuns.run();
        int expected = 0;
        for (int s = 0; s < run.specs().size(); s++) {
            Path dir = CounterexampleFiles.specDirectory(run, s, OUT);
            for (PropertyReport property : run.specs().get(s).properties()) {
                if (property.trace() == null) {
                    assertFalse(Files.exists(dir.resolve(property.name() + ".txt")), property.name());
                    continue;
                }
                expected++;
                Path base = dir.resolve(property.name());
                String dot = Files.readString(Path.of(base + ".dot"));
                assertNotNull(new Parser().read(dot));
                String svg = Files.readString(Path.of(base + ".svg"));
                assertTrue(DiagramTest.parseXml(svg).getDocumentElement().getTextContent()
                        .contains(property.name()), "the SVG names " + property.name());
                BufferedImage png = ImageIO.read(Path.of(base + ".png").toFile());
                assertNotNull(png, base + ".png is an image");
                assertTrue(png.getWidth() > 200 && png.getHeight() > 150, png.getWidth() + "x" + png.getHeight());
                assertTrue(Files.size(Path.of(base + ".png")) > 4096, "PNG of a few KB at least");
                assertEquals(TextTrace.render(property), Files.readString(Path.of(base + ".txt")));
            }
        }
        assertEquals(3, expected);
        try (Stream<Path> files = Files.walk(OUT)) {
            assertEquals(3, files.filter(f -> f.toString().endsWith(".png")).count(), "one PNG per counterexample");
        }
    }

    @Test
    void htmlEscapesEverySpecString() throws Exception {
        try (Stream<Path> files = Files.walk(OUT)) {
            List<Path> pages = files.filter(f -> f.toString().endsWith(".html")).toList();
            assertEquals(4, pages.size(), "index plus one page per spec: " + pages);
            for (Path page : pages) {
                String html = Files.readString(page);
                assertFalse(html.contains("<script"), "no script element in " + page);
                assertFalse(html.contains("<b>markup"), "spec markup left raw in " + page);
            }
        }
        String index = Files.readString(OUT.resolve("index.html"));
        assertTrue(index.contains("evil &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"), index);
        Document doc = Jsoup.parse(OUT.resolve("index.html").toFile(), "UTF-8");
        assertEquals(FakeRuns.EVIL_NAME, doc.select("table.matrix tbody tr").get(2).selectFirst("th a").text());
    }

    @Test
    void indexHasTheMatrixTheFiguresAndHowToRead() throws Exception {
        Document doc = Jsoup.parse(OUT.resolve("index.html").toFile(), "UTF-8");
        assertEquals(3, doc.select("table.matrix tbody tr").size());
        List<String> columns = doc.select("table.matrix thead th").eachText();
        assertEquals(List.of("spec", "platform", "no_fatal", "zeropad_returns", "no_stale_tlb_after_done",
                "no_coco_exception", "conversion_completes"), columns);
        Element tdx = doc.select("table.matrix tbody tr").get(0);
        assertEquals("met", tdx.select("td").get(1).className().replace(" v", ""));
        assertEquals("unmet", tdx.select("td").get(2).className().replace(" v", ""));
        assertEquals("info", tdx.select("td").get(3).className().replace(" v", ""));
        assertEquals("na", tdx.select("td").get(4).className().replace(" v", ""));
        assertEquals("incomplete", doc.select("table.matrix tbody tr").get(2).select("td").get(1).className().replace(" v", ""));
        assertTrue(doc.select("#runs tbody tr").get(0).text().contains("1,234"), "stats in the runs table");
        assertTrue(doc.selectFirst(".howto").text().startsWith("How to read this."));
        assertTrue(doc.select("link[href^=http], script[src]").isEmpty(), "no network resources");
    }

    @Test
    void specPageHasStepsTraceAndInlineSvg() throws Exception {
        Path page = CounterexampleFiles.specDirectory(FakeRuns.run(), 0, OUT).resolve("index.html");
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        assertEquals(6, doc.select("ol.steps li").size());
        assertEquals(2, doc.select("section.cx svg").size(), "one inline SVG per counterexample");
        assertTrue(doc.selectFirst("section#no_fatal pre").text().contains("^^ VIOLATES no_fatal"));
        assertTrue(doc.selectFirst("section#no_fatal").text().contains("VIOLATES no_fatal"));
        List<String> ids = doc.select("[id]").eachAttr("id");
        assertEquals(ids.size(), ids.stream().distinct().count(), "element ids are unique on the page");
    }

    @Test
    void everyLocalLinkResolves() throws Exception {
        try (Stream<Path> files = Files.walk(OUT)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                LinkCheck.assertLinksResolve(page, Jsoup.parse(page.toFile(), "UTF-8"));
            }
        }
    }
}
