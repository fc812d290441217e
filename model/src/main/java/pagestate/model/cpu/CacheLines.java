package pagestate.model.cpu;

/**
 * The cache lines of one page, by key: a line filled or written through a private translation carries
 * the private key, through a shared one the shared key. Lines of different keys are different lines
 * (TDX: the HKID is part of the physical address; SNP without SME_COHERENT: AMD APM Vol. 2 7.10.6).
 */
public record CacheLines(Line privateKey, Line sharedKey) {

    public static final CacheLines EMPTY = new CacheLines(Line.NONE, Line.NONE);

    public Line get(Attribute key) {
        return key == Attribute.PRIVATE ? privateKey : sharedKey;
    }

    public CacheLines with(Attribute key, Line line) {
        return key == Attribute.PRIVATE ? new CacheLines(line, sharedKey) : new CacheLines(privateKey, line);
    }

    @Override
    public String toString() {
        return "private:" + privateKey.lower() + " shared:" + sharedKey.lower();
    }
}
