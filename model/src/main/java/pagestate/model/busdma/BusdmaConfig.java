package pagestate.model.busdma;

import java.util.ArrayList;
import java.util.List;
import pagestate.model.SeedSystem;
import pagestate.model.SystemConfig;

/**
 * An OpenBSD SEV guest's DMA map (seed 003): {@code segments} buffers, each one page-sized chunk in its
 * own private page (not contiguous with the next), the load mode of the bus_dma implementation, the
 * driver's program and the device, which reads each chunk (a write transfer) and/or writes it (a read
 * transfer).
 */
public record BusdmaConfig(int segments, LoadMode load, String driver, List<DriverStep> steps,
                           String device, boolean deviceReads, boolean deviceWrites) implements SystemConfig {

    public static final int MAX_SEGMENTS = 3;

    public BusdmaConfig {
        steps = List.copyOf(steps);
        if (segments < 1 || segments > MAX_SEGMENTS) throw new IllegalArgumentException("segments must be 1.." + MAX_SEGMENTS);
        if (device != null && !deviceReads && !deviceWrites) throw new IllegalArgumentException("device " + device + " neither reads nor writes");
    }

    @Override
    public SeedSystem system() { return SeedSystem.BUSDMA; }

    @Override
    public String platformLabel() { return "snp"; }

    @Override
    public BusdmaModel newModel() { return new BusdmaModel(this); }

    @Override
    public List<String> summary() {
        List<String> l = new ArrayList<>();
        l.add("busdma " + load.specName() + "; " + segments + " segment" + (segments > 1 ? "s" : ""));
        l.add(driver + " (driver): " + String.join(", ", steps.stream().map(DriverStep::specName).toList()));
        if (device != null) l.add(device + " (device): " + (deviceReads ? "reads" : "") + (deviceReads && deviceWrites ? " and " : "")
                + (deviceWrites ? "writes" : "") + " each segment");
        return l;
    }
}
