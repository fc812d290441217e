package pagestate.model.cove;

import pagestate.model.SpecNamed;

import java.util.Optional;

/**
 * A step of the guest on one device MMIO region whose address is later reused as RAM (seed 001,
 * arch/riscv/mm/ioremap.c RFC), or on a buffer it shares with the host (COVG share/unshare).
 */
public enum CoveStep implements SpecNamed {
    IOREMAP("ioremap", "ioremap() the region: CoVE registers it with the TSM (COVG SBI call); x86 maps it with the shared bit"),
    MMIO("mmio", "read a device register in the region"),
    IOUNMAP("iounmap", "iounmap() the region: CoVE removes it from the TSM; x86 removes the shared mapping"),
    REUSE("reuse", "the region's address is reused as RAM (memory hotplug): the guest owns it as confidential memory"),
    WRITE("write", "the guest writes its secret to the reused address"),
    READ("read", "the guest reads the reused address"),
    SHARE("share", "share the buffer: sbi_covg_share_memory() to the TSM, which has the host convert it (CoVE spec 12.3); x86: MapGPA"),
    UNSHARE("unshare", "unshare the buffer: sbi_covg_unshare_memory() (CoVE spec 12.4); x86: MapGPA private, then ACCEPT"),
    PUT("put", "the guest writes a message for the host into the buffer"),
    KICK("kick", "the guest asks the host to serve the buffer (an SBI call or a virtio notification)"),
    WAIT_HOST("wait", "the guest waits until the host has served the buffer"),
    GET("get", "the guest reads the host's answer from the buffer");

    private final String specName;
    private final String description;

    CoveStep(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    public String specName() { return specName; }
    public String description() { return description; }

    public static Optional<CoveStep> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
