package pagestate.model.iommu;

import java.util.ArrayList;
import java.util.List;
import pagestate.model.SeedSystem;
import pagestate.model.SystemConfig;

/**
 * An SEV-SNP guest with a passed-through device behind the AMD IOMMU (seed 002): {@code pages} 4K
 * guest pages inside one 2M region (one 2M RMP entry at start, all private), the VMM's IOMMU policy,
 * the guest's program on its DMA page, and the device that DMAs into the page when it is posted.
 *
 * @param device the device's name, or null for none (then nothing DMAs)
 */
public record IommuConfig(int pages, IommuPolicy policy, String guest, int page, List<GuestStep> steps, String device)
        implements SystemConfig {

    public static final int MAX_PAGES = 4;

    public IommuConfig {
        steps = List.copyOf(steps);
        if (pages < 1 || pages > MAX_PAGES) throw new IllegalArgumentException("pages must be 1.." + MAX_PAGES);
        if (page < 0 || page >= pages) throw new IllegalArgumentException("guest " + guest + ": no page " + page);
    }

    @Override
    public SeedSystem system() { return SeedSystem.IOMMU; }

    @Override
    public String platformLabel() { return "snp"; }

    @Override
    public IommuModel newModel() { return new IommuModel(this); }

    @Override
    public List<String> summary() {
        List<String> l = new ArrayList<>();
        l.add("VMM: iommu " + policy.specName() + "; " + pages + " pages of 4K in one 2M region");
        l.add(guest + " (guest, page " + page + "): " + String.join(", ", steps.stream().map(GuestStep::specName).toList()));
        if (device != null) l.add(device + " (device): DMA into page " + page + " once it is posted");
        return l;
    }
}
