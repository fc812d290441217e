package pagestate.model.cove;

import java.util.ArrayList;
import java.util.List;
import pagestate.model.SeedSystem;
import pagestate.model.SystemConfig;

/**
 * A RISC-V CoVE guest (or, for contrast, an x86 TDX guest) with one device MMIO region (seed 001):
 * the TSM's mode, the guest's program on the region, and an optional zeropad reader on the last RAM
 * page that strays into the hole after RAM (an address outside RAM that nothing registered).
 *
 * @param reader the zeropad reader's name, or null
 */
public record CoveConfig(TsmMode mode, String guest, List<CoveStep> steps, String reader) implements SystemConfig {

    public CoveConfig {
        steps = List.copyOf(steps);
    }

    @Override
    public SeedSystem system() { return SeedSystem.COVE; }

    @Override
    public String platformLabel() { return mode == TsmMode.X86_SHARED_BIT ? "tdx" : "cove"; }

    @Override
    public CoveModel newModel() { return new CoveModel(this); }

    @Override
    public List<String> summary() {
        List<String> l = new ArrayList<>();
        l.add("tsm " + mode.specName());
        l.add(guest + " (CPU0): " + String.join(", ", steps.stream().map(CoveStep::specName).toList()));
        if (reader != null) l.add(reader + " (CPU1): load_unaligned_zeropad() from the last RAM page into the hole after RAM");
        return l;
    }
}
