package pagestate.model.cpu;

import java.util.List;

/**
 * A thread that converts {@code pages} on {@code cpu}: its phases run in order (one phase for
 * to-shared or to-private, two for a round trip). With {@code owner}, the same thread also uses the
 * pages as their owner: it writes them before the conversion and writes and reads them after it,
 * through mapping {@code via} (the direct map unless a spec says {@code owner via vmalloc}).
 */
public record Converter(String name, int cpu, List<Integer> pages, List<Phase> phases, boolean owner, Mapping via) {

    /** A converter whose owner uses the direct map. */
    public Converter(String name, int cpu, List<Integer> pages, List<Phase> phases, boolean owner) {
        this(name, cpu, pages, phases, owner, Mapping.DIRECT);
    }

    public Converter {
        if (via == null) throw new IllegalArgumentException("converter " + name + ": no mapping");
        pages = List.copyOf(pages);
        phases = List.copyOf(phases);
        if (pages.isEmpty()) throw new IllegalArgumentException("a converter needs at least one page");
        if (phases.isEmpty()) throw new IllegalArgumentException("a converter needs at least one phase");
    }

    /** The attribute the pages have before the first phase. */
    public Attribute initialAttribute() {
        return phases.get(0).target().source();
    }
}
