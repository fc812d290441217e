package pagestate.model.cpu;

/** What one CPU's TLB holds for one mapping of one page: nothing, or a translation with its attribute. */
public enum TlbEntry {
    NONE, PRIVATE, SHARED;

    public static TlbEntry cached(Attribute a) {
        return a == Attribute.PRIVATE ? PRIVATE : SHARED;
    }

    /** The cached attribute; null for NONE. */
    public Attribute attribute() {
        return switch (this) {
            case NONE -> null;
            case PRIVATE -> Attribute.PRIVATE;
            case SHARED -> Attribute.SHARED;
        };
    }

    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
