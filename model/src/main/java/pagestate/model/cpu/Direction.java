package pagestate.model.cpu;

/** The target of one conversion phase. */
public enum Direction {
    TO_SHARED("shared"),
    TO_PRIVATE("private");

    private final String specName;

    Direction(String specName) {
        this.specName = specName;
    }

    /** "shared" or "private", as in {@code to shared}. */
    public String specName() {
        return specName;
    }

    public Attribute target() {
        return this == TO_SHARED ? Attribute.SHARED : Attribute.PRIVATE;
    }

    public Attribute source() {
        return this == TO_SHARED ? Attribute.PRIVATE : Attribute.SHARED;
    }
}
