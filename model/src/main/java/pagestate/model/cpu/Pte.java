package pagestate.model.cpu;

/** A leaf page-table entry of one mapping of one page: the PRESENT bit and the encryption attribute. */
public record Pte(boolean present, Attribute attribute) {

    private static final Pte[] ALL = {new Pte(false, Attribute.PRIVATE), new Pte(false, Attribute.SHARED),
            new Pte(true, Attribute.PRIVATE), new Pte(true, Attribute.SHARED)};

    /** The PTE with this encoding (bit 1 present, bit 0 the attribute's ordinal): shared instances, no allocation. */
    static Pte of(int code) {
        return ALL[code];
    }

    public static Pte of(boolean present, Attribute attribute) {
        return ALL[(present ? 2 : 0) | attribute.ordinal()];
    }

    /** Bit 1 present, bit 0 the attribute's ordinal (the encoding's 2 bits). */
    int code() {
        return (present ? 2 : 0) | attribute.ordinal();
    }

    public Pte withPresent(boolean p) {
        return of(p, attribute);
    }

    public Pte withAttribute(Attribute a) {
        return of(present, a);
    }

    @Override
    public String toString() {
        return (present ? "present" : "not-present") + " " + attribute.lower();
    }
}
