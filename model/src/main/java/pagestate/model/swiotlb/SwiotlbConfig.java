package pagestate.model.swiotlb;

import java.util.ArrayList;
import java.util.List;
import pagestate.model.SeedSystem;
import pagestate.model.SystemConfig;

/**
 * A Hyper-V isolation VM on SNP vTOM with a paravisor (seed 000): one swiotlb pool page with a bounce
 * slot, the driver's private buffer, the guest's program (making the pool shared, then one DMA through
 * it), an optional zeropad reader on the page before the pool that reads across into it through the
 * direct map, and an optional device.
 *
 * @param reader the zeropad reader's name, or null
 * @param device the device's name, or null
 */
public record SwiotlbConfig(Encryption encryption, String guest, List<SwiotlbStep> steps, String reader, String device)
        implements SystemConfig {

    public SwiotlbConfig {
        steps = List.copyOf(steps);
    }

    @Override
    public SeedSystem system() { return SeedSystem.VTOM_SWIOTLB; }

    @Override
    public String platformLabel() { return "vtom"; }

    @Override
    public SwiotlbModel newModel() { return new SwiotlbModel(this); }

    @Override
    public List<String> summary() {
        List<String> l = new ArrayList<>();
        l.add("encryption " + encryption.specName());
        l.add(guest + " (CPU0): " + String.join(", ", steps.stream().map(SwiotlbStep::specName).toList()));
        if (reader != null) l.add(reader + " (CPU1): load_unaligned_zeropad() across into the pool page");
        if (device != null) l.add(device + " (device): reads then writes the bounce slot");
        return l;
    }
}
