package pagestate.model.cpu;

/** The state of the cache lines of one page tagged with one key. */
public enum Line {
    NONE, CLEAN, DIRTY;

    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
