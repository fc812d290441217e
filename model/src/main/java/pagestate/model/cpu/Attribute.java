package pagestate.model.cpu;

/**
 * The encryption attribute of a translation: C-bit set (SNP), shared bit clear (TDX), address below
 * vTOM (Hyper-V) all read as PRIVATE; the opposite as SHARED. Also used as the key of a cache line.
 */
public enum Attribute {
    PRIVATE, SHARED;

    public Attribute other() {
        return this == PRIVATE ? SHARED : PRIVATE;
    }

    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
