package pagestate.model.swiotlb;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import pagestate.model.SeedSystem;
import pagestate.model.SystemConfig;
import pagestate.model.cpu.HardwareAction;

/**
 * A Hyper-V isolation VM on SNP vTOM with a paravisor (seed 000): one swiotlb pool page with a bounce
 * slot, the driver's private buffer, the guest's program (making the pool shared, then one DMA through
 * it), an optional zeropad reader on the page before the pool that reads across into it through the
 * direct map, and an optional device; what the hardware may do at any time (the cpu system's TLB and
 * cache actions) and whether the caches are coherent across keys.
 *
 * @param reader the zeropad reader's name, or null
 * @param device the device's name, or null
 */
public record SwiotlbConfig(Encryption encryption, String guest, List<SwiotlbStep> steps, String reader, String device,
                            Set<HardwareAction> hardware, Caches caches) implements SystemConfig {

    public SwiotlbConfig {
        steps = List.copyOf(steps);
        hardware = hardware.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hardware));
    }

    /** Every hardware action on, coherent caches: the defaults of a spec. */
    public SwiotlbConfig(Encryption encryption, String guest, List<SwiotlbStep> steps, String reader, String device) {
        this(encryption, guest, steps, reader, device, EnumSet.allOf(HardwareAction.class), Caches.COHERENT);
    }

    public boolean hardwareOn(HardwareAction a) {
        return hardware.contains(a);
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
        l.add("encryption " + encryption.specName() + ", caches " + caches.specName());
        l.add(guest + " (CPU0): " + String.join(", ", steps.stream().map(SwiotlbStep::specName).toList()));
        if (reader != null) l.add(reader + " (CPU1): load_unaligned_zeropad() across into the pool page");
        if (device != null) l.add(device + " (device): reads then writes the bounce slot");
        l.add("hardware: " + (hardware.isEmpty() ? "none"
                : String.join(" ", EnumSet.copyOf(hardware).stream().map(HardwareAction::specName).toList())));
        return l;
    }
}
