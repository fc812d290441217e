package pagestate.model.cpu;

import pagestate.model.SpecNamed;

/** What a converter does when a hypercall fails. */
public enum ErrorPath implements SpecNamed {
    /** Leak the page: never return it to the allocator (what Linux does since 2024). */
    LEAK("leak", "a converter whose hypercall failed leaks the page: never returns it to the allocator (Linux since 2024)"),
    /** Return the page to the allocator (the bad variant). */
    FREE("free", "a converter whose hypercall failed returns the page to the allocator (the bad variant)");

    private final String specName;
    private final String description;

    ErrorPath(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    public String specName() {
        return specName;
    }

    /** One line: what a converter does on this path. */
    public String description() {
        return description;
    }

    public static java.util.Optional<ErrorPath> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
