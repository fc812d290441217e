package pagestate.model.busdma;

import pagestate.model.SpecNamed;

import java.util.Optional;

/** How _bus_dmamap_load_buffer() fills the DMA segments in an SEV guest (seed 003, bus_dma.c). */
public enum LoadMode implements SpecNamed {
    BOUNCE("bounce", "one unencrypted bounce page per segment chunk; ds_addr is the bounce page, the original kept for sync"),
    COALESCING("coalescing", "as bounce, but a chunk whose bounce address follows the previous one is merged into its segment, although the original addresses are not contiguous: sync copies ds_len bytes from the first chunk's ds_va"),
    RAW("raw", "no bounce buffer: ds_addr is the private (encrypted) page's address, as when cpu_sev_guestmode is not checked");

    private final String specName;
    private final String description;

    LoadMode(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    public String specName() { return specName; }
    public String description() { return description; }

    public static Optional<LoadMode> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
