package pagestate.model.busdma;

import pagestate.model.SpecNamed;

import java.util.Optional;

/** A step of a driver using bus_dma(9) on one map (seed 003). */
public enum DriverStep implements SpecNamed {
    LOAD("load", "bus_dmamap_load(): fill the map's segments with the buffer's chunks"),
    PREWRITE("prewrite", "bus_dmamap_sync(PREWRITE): copy each original chunk into its bounce page"),
    PREREAD("preread", "bus_dmamap_sync(PREREAD): does nothing"),
    START("start", "hand the loaded segments to the device and start the transfer"),
    WAIT("wait", "wait until the device has finished the transfer"),
    POSTREAD("postread", "bus_dmamap_sync(POSTREAD): copy each bounce page back into its original chunk"),
    POSTWRITE("postwrite", "bus_dmamap_sync(POSTWRITE): does nothing"),
    READ("read", "the driver reads the buffer (the device's answer)"),
    UNLOAD("unload", "bus_dmamap_unload(): the map has no segments any more");

    private final String specName;
    private final String description;

    DriverStep(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    public String specName() { return specName; }
    public String description() { return description; }

    public static Optional<DriverStep> bySpecName(String name) {
        return SpecNamed.find(values(), name);
    }
}
