package pagestate.model.swiotlb;

import pagestate.model.SpecNamed;

import java.util.Optional;

/**
 * Whether the CPU's caches keep lines of the pool page's two keys coherent (docs/model.md section 4).
 * Linux's vTOM path never flushes the cache around the visibility change (arch/x86/hyperv/ivm.c:
 * hv_vtom_cache_flush_required() returns false), which is right only when they do.
 */
public enum Caches implements SpecNamed {
    COHERENT("coherent", "lines of the two keys are kept coherent (X86_FEATURE_SME_COHERENT): a leftover line is harmless;"
            + " what Linux assumes on vTOM (ivm.c hv_vtom_cache_flush_required() is false)"),
    NON_COHERENT("non-coherent", "a dirty private-key line written back after the page became host-visible leaves"
            + " ciphertext in it (SNP without SME_COHERENT: mem_encrypt_amd.c amd_enc_cache_flush_required())");

    private final String specName;
    private final String description;

    Caches(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    public String specName() { return specName; }
    public String description() { return description; }

    public static Optional<Caches> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
