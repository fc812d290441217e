package pagestate.model;

/** What a converter does when a hypercall fails. */
public enum ErrorPath {
    /** Leak the page: never return it to the allocator (what Linux does since 2024). */
    LEAK("leak"),
    /** Return the page to the allocator (the bad variant). */
    FREE("free");

    private final String specName;

    ErrorPath(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }
}
