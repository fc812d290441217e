package pagestate.model.cpu;

/**
 * The cache lines of one page, by key: a line filled or written through a private translation carries
 * the private key, through a shared one the shared key. Lines of different keys are different lines
 * (TDX: the HKID is part of the physical address; SNP without SME_COHERENT: AMD APM Vol. 2 7.10.6).
 */
public record CacheLines(Line privateKey, Line sharedKey) {

    private static final CacheLines[] ALL = new CacheLines[16];

    static {
        for (Line p : Line.values()) for (Line s : Line.values()) ALL[p.ordinal() | s.ordinal() << 2] = new CacheLines(p, s);
    }

    public static final CacheLines EMPTY = of(Line.NONE, Line.NONE);

    /** Shared instances, no allocation. */
    public static CacheLines of(Line privateKey, Line sharedKey) {
        return ALL[privateKey.ordinal() | sharedKey.ordinal() << 2];
    }

    public Line get(Attribute key) {
        return key == Attribute.PRIVATE ? privateKey : sharedKey;
    }

    public CacheLines with(Attribute key, Line line) {
        return key == Attribute.PRIVATE ? of(line, sharedKey) : of(privateKey, line);
    }

    @Override
    public String toString() {
        return "private:" + privateKey.lower() + " shared:" + sharedKey.lower();
    }
}
