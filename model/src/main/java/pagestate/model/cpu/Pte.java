package pagestate.model.cpu;

/** A leaf page-table entry of one mapping of one page: the PRESENT bit and the encryption attribute. */
public record Pte(boolean present, Attribute attribute) {

    public Pte withPresent(boolean p) {
        return new Pte(p, attribute);
    }

    public Pte withAttribute(Attribute a) {
        return new Pte(present, a);
    }

    @Override
    public String toString() {
        return (present ? "present" : "not-present") + " " + attribute.lower();
    }
}
