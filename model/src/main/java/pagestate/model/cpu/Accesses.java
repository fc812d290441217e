package pagestate.model.cpu;

/**
 * Guest memory accesses: translation through the TLB or a page walk, the platform's verdict, and the
 * access's effect on TLB, cache and contents. One rule each.
 */
final class Accesses {

    private final PlatformRules rules;
    private final Options options;

    Accesses(PlatformRules rules, Options options) {
        this.rules = rules;
        this.options = options;
    }

    /**
     * The attribute an access by {@code cpu} through {@code m} uses, or null for #PF. A TLB entry is used
     * as it is, whatever the PTE says now (SDM Vol. 3A 4.10.2.3); otherwise a present PTE is walked and
     * the walk caches the translation; a non-present PTE with no TLB entry raises #PF (SDM 4.10.4.3:
     * nothing is cached from a non-present PTE).
     */
    Attribute translate(StateEdit e, int cpu, Mapping m, int page) {
        TlbEntry t = e.tlbNow(cpu, m, page);
        if (t != TlbEntry.NONE) return t.attribute();
        if (!e.layout().hasPte(m)) return null;
        Pte pte = e.pteNow(m, page);
        if (!pte.present()) return null;
        e.tlb(cpu, m, page, TlbEntry.cached(pte.attribute()));
        return pte.attribute();
    }

    /**
     * A read by {@code cpu} of {@code page} through mapping {@code m}. Returns the outcome; the caller
     * records it. A successful read fills a clean line with the translation's key. Through an alias the
     * same rules apply as through the direct map: the platform sees only the attribute and the page.
     */
    Cause read(StateEdit e, int cpu, Mapping m, int page, PlatformRules.Accessor who) {
        Attribute attr = translate(e, cpu, m, page);
        if (attr == null) {
            // the zeropad's #PF on its second page is fixed up (arch/x86/mm/extable.c ex_handler_zeropad)
            return who == PlatformRules.Accessor.ZEROPAD_SECOND_PAGE ? Cause.PF_FIXUP : Cause.PF_OOPS;
        }
        Cause c = verdict(e, who, attr, page);
        if (c != Cause.OK) return c;
        // a private read of a poisoned line raises #MC (docs/model.md section 4)
        if (attr == Attribute.PRIVATE && e.contentsNow(page) == Content.POISON) return Cause.MC_POISON;
        fill(e, page, attr);
        return Cause.OK;
    }

    /** A write of {@code value} by {@code cpu} to {@code page} through mapping {@code m}: a dirty line with the key. */
    Cause write(StateEdit e, int cpu, Mapping m, int page, Content value) {
        Attribute attr = translate(e, cpu, m, page);
        if (attr == null) return Cause.PF_OOPS;
        Cause c = verdict(e, PlatformRules.Accessor.KERNEL, attr, page);
        if (c != Cause.OK) return c;
        e.contents(page, value);
        e.cache(page, e.cacheNow(page).with(attr, Line.DIRTY));
        return Cause.OK;
    }

    /**
     * CLFLUSH by {@code cpu} of {@code page} through mapping {@code m}: it "is subject to all permission
     * checking and faults associated with a byte load" (SDM Vol. 2A, CLFLUSH), so it translates like a
     * read (TLB entry, else a page walk; the caller, cpa_flush(), has checked that the PTE is present) and
     * the platform judges it like a read (TDX: a private CLFLUSH of a page the VMM mapped shared is a TD
     * exit; vTOM: #VC to the paravisor; SNP: per the RMP). Only if that is OK does it write back and drop
     * the lines with the translation's key; it fills nothing.
     */
    Cause clflush(StateEdit e, int cpu, Mapping m, int page) {
        Attribute key = translate(e, cpu, m, page);
        if (key == null) return Cause.PF_OOPS;
        Cause c = verdict(e, PlatformRules.Accessor.KERNEL, key, page);
        if (c != Cause.OK) return c;
        writeBack(e, page, key);
        return Cause.OK;
    }

    /** WBINVD: the platform's verdict on the instruction, then (unless that is fatal) every line of every page written back. */
    Cause wbinvd(StateEdit e) {
        Cause c = rules.wbinvd(options);
        if (c.isFatal()) return c;
        for (int page = 0; page < e.layout().pages(); page++) {
            for (Attribute key : Attribute.values()) writeBack(e, page, key);
        }
        return c;
    }

    /**
     * The platform's verdict on an access. With the SNP option host_implicit_conversion, an RMP nested
     * page fault makes the host convert the page to what the access wanted (C=0: hypervisor-owned;
     * C=1: assigned to the guest, unvalidated) and the access is retried once.
     */
    private Cause verdict(StateEdit e, PlatformRules.Accessor who, Attribute attr, int page) {
        Cause c = rules.access(who, attr, e.hvNow(page), options);
        if (options.hostImplicitConversion() && (c == Cause.NPF_RMP_SHARED || c == Cause.NPF_RMP_PRIVATE)) {
            e.happen(Cause.IMPLICIT_CONVERSION);
            e.hv(page, c == Cause.NPF_RMP_SHARED ? HvPage.SNP_HV_OWNED : HvPage.SNP_UNVALIDATED);
            e.contents(page, Content.GARBAGE);
            c = rules.access(who, attr, e.hvNow(page), options);
        }
        return c;
    }

    /** A read through a translation fills a clean line with that translation's key (docs/model.md section 4). */
    static void fill(StateEdit e, int page, Attribute key) {
        CacheLines lines = e.cacheNow(page);
        if (lines.get(key) == Line.NONE) e.cache(page, lines.with(key, Line.CLEAN));
    }

    /**
     * Writes back and drops the lines of {@code page} with {@code key}. A dirty line whose key no longer
     * matches the page's state corrupts it on non-coherent caches: TDX poisons it, SNP without
     * SME_COHERENT leaves garbage (docs/model.md section 4).
     */
    void writeBack(StateEdit e, int page, Attribute key) {
        CacheLines lines = e.cacheNow(page);
        Line line = lines.get(key);
        if (line == Line.NONE) return;
        if (line == Line.DIRTY && key != e.hvNow(page).key() && !rules.coherentCaches(options)) {
            e.contents(page, rules.writebackMismatch(options));
        }
        e.cache(page, lines.with(key, Line.NONE));
    }

    boolean coherentCaches() {
        return rules.coherentCaches(options);
    }
}
