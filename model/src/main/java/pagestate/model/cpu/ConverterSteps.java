package pagestate.model.cpu;

/**
 * What each converter primitive does to the state (docs/model.md sections 2 and 4). One method per
 * primitive; each applies to every page of its converter, atomically.
 */
final class ConverterSteps {

    private final Accesses accesses;
    private final Options options;

    ConverterSteps(Accesses accesses, Options options) {
        this.accesses = accesses;
        this.options = options;
    }

    /**
     * Applies {@code p} for converter {@code c} towards {@code target}. Returns OK, or the cause of a
     * fatal outcome or a rule breach; {@link Cause#HYPERCALL_FAILED} when the call cannot succeed.
     */
    Cause apply(StateEdit e, Converter c, Primitive p, Mapping via, Attribute target) {
        return switch (p) {
            case UNMAP_ALIASES -> unmapAliases(e);
            case CLEAR_PRESENT -> setPte(e, c, false, null);
            case SET_PRESENT -> setPte(e, c, true, null);
            case FLIP -> setPte(e, c, null, target);
            case CLEAR_PRESENT_AND_FLIP -> setPte(e, c, false, target);
            case FLUSH_TLB -> flushTlb(e, c);
            case FLUSH_CACHE -> flushCache(e, c, via);
            case WBINVD -> wbinvd(e);
            case MAP_GPA -> mapGpa(e, c, target);
            case ACCEPT -> accept(e, c);
            case PSC -> psc(e, c, target);
            case PVALIDATE -> pvalidate(e, c, via, true);
            case RESCIND -> pvalidate(e, c, via, false);
            case HV_VISIBILITY -> hvVisibility(e, c, target);
        };
    }

    /** vm_unmap_aliases(): flushes the lazily freed vmap areas' TLB entries on every CPU (mm/vmalloc.c). */
    private Cause unmapAliases(StateEdit e) {
        Layout l = e.layout();
        if (!l.has(Mapping.LAZY)) return Cause.OK;
        for (int cpu = 0; cpu < l.cpus(); cpu++) {
            for (int page = 0; page < l.pages(); page++) e.tlb(cpu, Mapping.LAZY, page, TlbEntry.NONE);
        }
        return Cause.OK;
    }

    /**
     * A PTE write on the direct map and the vmalloc alias (cpa_process_alias()): PRESENT and/or the
     * attribute (null = unchanged). No TLB invalidation by itself (set_memory.c __change_page_attr()).
     */
    private Cause setPte(StateEdit e, Converter c, Boolean present, Attribute attribute) {
        for (Mapping m : e.layout().mappingList()) {
            if (!m.hasPte()) continue;
            for (int page : c.pages()) {
                Pte pte = e.pteNow(m, page);
                if (present != null) pte = pte.withPresent(present);
                if (attribute != null) pte = pte.withAttribute(attribute);
                e.pte(m, page, pte);
            }
        }
        return Cause.OK;
    }

    /**
     * flush_tlb_kernel_range() by IPI on all CPUs (set_memory.c cpa_flush()): drops the entries of the
     * direct map and the vmalloc alias; the lazy alias's addresses are not in the range.
     */
    private Cause flushTlb(StateEdit e, Converter c) {
        Layout l = e.layout();
        for (int cpu = 0; cpu < l.cpus(); cpu++) {
            for (Mapping m : l.mappingList()) {
                if (!m.hasPte()) continue;
                for (int page : c.pages()) e.tlb(cpu, m, page, TlbEntry.NONE);
            }
        }
        return Cause.OK;
    }

    /**
     * CLFLUSH of each page through its address in mapping {@code via} (the direct map unless the spec
     * says otherwise): set_memory.c cpa_flush() flushes the addresses it was given, and only those whose
     * PTE lookup_address() finds present ("Only flush present addresses"), so a page whose PTE in that
     * mapping is not present, or gone (the lazy alias), is silently skipped. Each CLFLUSH is an access
     * like a read ({@link Accesses#clflush}); the first page whose CLFLUSH is not OK ends the step with
     * that outcome.
     */
    private Cause flushCache(StateEdit e, Converter c, Mapping via) {
        for (int page : c.pages()) {
            if (!e.layout().hasPte(via) || !e.pteNow(via, page).present()) continue;
            Cause r = accesses.clflush(e, c.cpu(), via, page);
            if (r != Cause.OK) return r;
        }
        return Cause.OK;
    }

    /** WBINVD (on all CPUs): needs no address; the platform may trap it ({@link Accesses#wbinvd}). */
    private Cause wbinvd(StateEdit e) {
        return accesses.wbinvd(e);
    }

    /**
     * TDX MapGPA (TDG.VP.VMCALL): the VMM maps the GPA shared or private. A page mapped private is
     * pending until accepted and holds no data the guest wrote (new backing, tdx.c). With the option
     * vmm_flush_on_map_private, the VMM flushes the shared alias's lines first (tdx.c comment in
     * tdx_tlb_flush_required(): the VMM is responsible on shared->private).
     */
    private Cause mapGpa(StateEdit e, Converter c, Attribute target) {
        for (int page : c.pages()) {
            HvPage now = e.hvNow(page);
            if (target == Attribute.SHARED) {
                if (now == HvPage.TDX_SHARED) continue;
                e.hv(page, HvPage.TDX_SHARED);
                e.contents(page, Content.HOST_DATA);
            } else {
                if (now != HvPage.TDX_SHARED) continue;
                if (options.vmmFlushOnMapPrivate()) accesses.writeBack(e, page, Attribute.SHARED);
                e.hv(page, HvPage.TDX_PENDING);
                e.contents(page, Content.GARBAGE);
            }
        }
        return Cause.OK;
    }

    /**
     * TDX TDG.MEM.PAGE.ACCEPT: a pending page becomes accepted and zeroed. Any other state is an error of
     * the TDCALL (not mapped private; TDX_PAGE_ALREADY_ACCEPTED), and tdx-shared.c try_accept_one()
     * treats every error as a failure: tdx_accept_memory() returns false and the conversion fails.
     */
    private Cause accept(StateEdit e, Converter c) {
        for (int page : c.pages()) {
            if (e.hvNow(page) != HvPage.TDX_PENDING) return Cause.HYPERCALL_FAILED;
            e.hv(page, HvPage.TDX_ACCEPTED);
            e.contents(page, Content.ZERO);
        }
        return Cause.OK;
    }

    /**
     * SNP Page State Change through the GHCB: the hypervisor makes the page hypervisor-owned (shared) or
     * assigns it to the guest unvalidated (private). RMPUPDATE clears the validated bit; the guest must
     * rescind before PSC to shared (core.c set_pages_state()). Memory keeps its bytes: read with the
     * other key they are garbage.
     */
    private Cause psc(StateEdit e, Converter c, Attribute target) {
        Cause result = Cause.OK;
        for (int page : c.pages()) {
            HvPage now = e.hvNow(page);
            if (target == Attribute.SHARED) {
                if (now == HvPage.SNP_HV_OWNED) continue;
                if (now == HvPage.SNP_VALIDATED) result = Cause.PSC_WHILE_VALIDATED;
                e.hv(page, HvPage.SNP_HV_OWNED);
            } else {
                if (now != HvPage.SNP_HV_OWNED) continue;
                e.hv(page, HvPage.SNP_UNVALIDATED);
            }
            e.contents(page, Content.GARBAGE);
        }
        return result;
    }

    /**
     * SNP PVALIDATE (validate or rescind) takes a virtual address: Linux's pvalidate_pages() (core.c) uses
     * the direct map's, pfn_to_kaddr() of the GFN, whatever address set_memory_*() was given; a spec may
     * name another mapping ({@code pvalidate via vmalloc}). With no translation it raises #PF in the
     * kernel (Lendacky's oops on Kelley's v1, Oct 2023). It fails unless the page is in the state it
     * changes from (double validation, validation before PSC), and Linux then terminates.
     */
    private Cause pvalidate(StateEdit e, Converter c, Mapping via, boolean validate) {
        for (int page : c.pages()) {
            if (accesses.translate(e, c.cpu(), via, page) == null) return Cause.PF_IN_PVALIDATE;
            HvPage from = validate ? HvPage.SNP_UNVALIDATED : HvPage.SNP_VALIDATED;
            if (e.hvNow(page) != from) return Cause.PVALIDATE_FAILED;
            e.hv(page, validate ? HvPage.SNP_VALIDATED : HvPage.SNP_UNVALIDATED);
        }
        return Cause.OK;
    }

    /**
     * Hyper-V host-visibility hypercall (ivm.c hv_mark_gpa_visibility()): the page becomes visible to the
     * host or private again; the paravisor handles validation. Read with the other key the bytes are garbage.
     */
    private Cause hvVisibility(StateEdit e, Converter c, Attribute target) {
        HvPage to = target == Attribute.SHARED ? HvPage.VTOM_HOST_VISIBLE : HvPage.VTOM_PRIVATE;
        for (int page : c.pages()) {
            if (e.hvNow(page) == to) continue;
            e.hv(page, to);
            e.contents(page, Content.GARBAGE);
        }
        return Cause.OK;
    }

    /** The owner writes {@code value} to its pages through its mapping (stops at a fatal outcome). */
    Cause ownerWrite(StateEdit e, Converter conv, Content value) {
        Cause c = Cause.OK;
        for (int page : conv.pages()) {
            c = Cause.worse(c, accesses.write(e, conv.cpu(), conv.via(), page, value));
            if (c.isFatal()) break;
        }
        return c;
    }

    /** The owner reads back what it wrote as private data: anything but its secret is consumed garbage. */
    Cause ownerRead(StateEdit e, Converter conv) {
        Cause c = Cause.OK;
        for (int page : conv.pages()) {
            Cause r = accesses.read(e, conv.cpu(), conv.via(), page, PlatformRules.Accessor.KERNEL);
            if (r == Cause.OK && e.contentsNow(page) != Content.SECRET) r = Cause.GARBAGE_CONSUMED;
            c = Cause.worse(c, r);
            if (c.isFatal()) break;
        }
        return c;
    }
}
