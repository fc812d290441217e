package pagestate.model.cpu;

/**
 * What a platform does with a guest access, and how its caches behave (docs/model.md sections 4 and 5).
 * One implementation per platform: {@link Tdx}, {@link Snp}, {@link Vtom}.
 */
public interface PlatformRules {

    /** Who makes the access: the #VE/#VC fixups apply only to a zeropad load's second page. */
    enum Accessor { ZEROPAD_SECOND_PAGE, KERNEL }

    /**
     * The outcome of a guest access through a translation with attribute {@code attr} to a page in
     * state {@code page} (the translation exists; #PF is decided before).
     */
    Cause access(Accessor who, Attribute attr, HvPage page, Options options);

    /**
     * What WBINVD does in the guest before it flushes anything: OK, or the exception it raises (WBINVD
     * takes no address, so no translation is checked; the platform may still trap the instruction).
     */
    Cause wbinvd(Options options);

    /**
     * Whether a dirty line with the other key is harmless: caches coherent across keys
     * (SNP with SME_COHERENT; vTOM, where Linux needs no cache flush).
     */
    boolean coherentCaches(Options options);

    /** What a write-back of a dirty line whose key no longer matches the page leaves in the page. */
    Content writebackMismatch(Options options);

    static PlatformRules of(Platform p) {
        return switch (p) {
            case TDX -> Tdx.RULES;
            case SNP -> Snp.RULES;
            case VTOM -> Vtom.RULES;
        };
    }
}
