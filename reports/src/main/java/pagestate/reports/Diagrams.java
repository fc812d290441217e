package pagestate.reports;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizEngine;
import guru.nidi.graphviz.engine.GraphvizJdkEngine;
import java.util.concurrent.TimeUnit;

/**
 * Turns DOT text into SVG with graphviz-java, on an engine chosen explicitly ({@link DiagramEngine});
 * used for the state graphs of {@code explain --graph}, which need a graph layout. Counterexample charts
 * do not come here: {@link TraceChart} lays them out itself, in milliseconds. graphviz-java keeps one engine for the whole process, so
 * {@link #start} installs it there: use one {@code Diagrams} per process. Rendering is serialised.
 */
public final class Diagrams {

    private static final String PROBE = "digraph probe { a -> b; }";

    private final DiagramEngine engine;

    private Diagrams(DiagramEngine engine) {
        this.engine = engine;
    }

    /** Starts the engine {@link DiagramEngine#detect} picks: {@code dot} when present, else GraalJS. */
    public static Diagrams start() {
        DiagramEngine preferred = DiagramEngine.detect();
        if (preferred == DiagramEngine.DOT_COMMAND) {
            try {
                return start(DiagramEngine.DOT_COMMAND);
            } catch (DiagramException e) {
                return start(DiagramEngine.GRAAL_JS);
            }
        }
        return start(preferred);
    }

    /**
     * Starts the given engine and draws a probe graph with it, so a broken engine is reported here.
     *
     * @throws DiagramException when the engine cannot draw
     */
    public static Diagrams start(DiagramEngine engine) {
        System.setProperty("java.awt.headless", "true");
        // GraalJS on a stock JDK runs in interpreter mode and says so on every context; we know.
        System.setProperty("polyglot.engine.WarnInterpreterOnly", "false");
        GraphvizTemp.isolate();
        synchronized (Graphviz.class) {
            Graphviz.useEngine(newEngine(engine));
            Diagrams diagrams = new Diagrams(engine);
            try {
                diagrams.svg(PROBE);
            } catch (DiagramException e) {
                Graphviz.releaseEngine();
                throw new DiagramException("the " + engine + " diagram engine does not work here: "
                        + e.getMessage(), e);
            }
            return diagrams;
        }
    }

    /** The engine in use. */
    public DiagramEngine engine() {
        return engine;
    }

    /** The SVG document for {@code dot}, without an XML declaration or DOCTYPE (ready to inline). */
    public String svg(String dot) {
        synchronized (Graphviz.class) {
            try {
                return stripProlog(Graphviz.fromString(dot).render(Format.SVG).toString());
            } catch (RuntimeException e) {
                throw new DiagramException(oneLine(e), e);
            }
        }
    }

    static String stripProlog(String svg) {
        int start = svg.indexOf("<svg");
        return start > 0 ? svg.substring(start) : svg;
    }

    private static GraphvizEngine newEngine(DiagramEngine engine) {
        return switch (engine) {
            case DOT_COMMAND -> new GraphvizCmdLineEngine().timeout(60, TimeUnit.SECONDS);
            case GRAAL_JS -> new GraphvizJdkEngine();
        };
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "no detail" : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
