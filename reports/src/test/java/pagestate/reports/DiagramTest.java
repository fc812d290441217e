package pagestate.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.parse.Parser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class DiagramTest {

    static final Path OUT = Path.of("target", "diagram-test");

    @TempDir
    Path dir;

    @Test
    void traceDotParsesBackWithOneNodePerLaneAndStep() throws Exception {
        TraceView trace = FakeRuns.tdxTdExit();
        String dot = TraceDot.toDot(trace);
        MutableGraph graph = new Parser().read(dot);
        long nodes = graph.nodes().size() + graph.graphs().stream().mapToLong(g -> allNodes(g)).sum();
        assertTrue(nodes >= trace.lanes().size() * (trace.steps().size() + 1L), "nodes: " + nodes);
        assertTrue(dot.contains("cluster_window"), "the window band is there");
        assertTrue(dot.contains("VIOLATES no_fatal"), "the violating step names the property");
    }

    @Test
    void svgIsWellFormedAndNamesTheViolatedProperty() throws Exception {
        Files.createDirectories(OUT);
        for (TraceView trace : new TraceView[] {FakeRuns.tdxTdExit(), FakeRuns.livenessLasso()}) {
            String svg = SceneSvg.svg(TraceChart.scene(trace, "tdx-spec", "tdx"));
            Files.writeString(OUT.resolve(trace.property() + ".svg"), svg);
            Document doc = parseXml(svg);
            assertEquals("svg", doc.getDocumentElement().getLocalName() == null
                    ? doc.getDocumentElement().getTagName() : doc.getDocumentElement().getLocalName());
            assertTrue(doc.getDocumentElement().getTextContent().contains(trace.property()), trace.property());
            assertFalse(svg.contains("<!DOCTYPE"), "ready to inline: no DOCTYPE");
        }
    }

    @Test
    void pngIsARealImage() throws Exception {
        Files.createDirectories(OUT);
        byte[] png = ScenePng.png(TraceChart.scene(FakeRuns.tdxTdExit(), "tdx-spec", "tdx"), 1.5);
        Files.write(OUT.resolve("no_fatal.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "ImageIO reads the PNG");
        assertTrue(image.getWidth() > 300 && image.getHeight() > 300,
                image.getWidth() + "x" + image.getHeight());
        assertTrue(png.length > 8 * 1024, "PNG size " + png.length);
    }

    @Test
    void engineDetectionLooksForAnExecutableDotOnThePath() throws Exception {
        assertFalse(DiagramEngine.dotOnPath(dir.toString()));
        Path dot = Files.createFile(dir.resolve("dot"));
        assertFalse(DiagramEngine.dotOnPath(dir.toString()), "not executable yet");
        Files.setPosixFilePermissions(dot, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(DiagramEngine.dotOnPath("/nonexistent:" + dir));
        assertFalse(DiagramEngine.dotOnPath(null));
        System.out.println("diagram engine detected on this machine: " + DiagramEngine.detect()
                + "; tests render with " + TestDiagrams.get().engine());
        assertEquals(DiagramEngine.GRAAL_JS, TestDiagrams.get().engine());
    }

    private static long allNodes(MutableGraph graph) {
        return graph.nodes().size() + graph.graphs().stream().mapToLong(DiagramTest::allNodes).sum();
    }

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
