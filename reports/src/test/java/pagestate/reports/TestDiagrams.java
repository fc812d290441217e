package pagestate.reports;

/**
 * One diagram engine for the whole test JVM (graphviz-java keeps one per process). The tests always use
 * the GraalJS engine, the fallback that must work on a machine without graphviz's dot program.
 */
final class TestDiagrams {

    private TestDiagrams() {
    }

    static Diagrams get() {
        return Holder.DIAGRAMS;
    }

    private static final class Holder {
        static final Diagrams DIAGRAMS = Diagrams.start(DiagramEngine.GRAAL_JS);
    }
}
