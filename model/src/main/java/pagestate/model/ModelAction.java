package pagestate.model;

/**
 * One transition of any seed system, as traces and diagrams show it: who acted ({@code actor} indexes
 * the model's actor names), on which lane of a diagram ("CPU0", "host", "device", "IOMMU", "TSM",
 * "driver"), what it did, and the outcome it met when that was not ok.
 */
public interface ModelAction {

    int actor();

    String actorName();

    /** The diagram lane: the reports draw one lane per distinct lane string. */
    String lane();

    String description();

    /** "label: description" of an outcome that was not ok, or null. */
    String outcomeText();

    /**
     * What kind of action this is, without its arguments ("TLB fill", "flip", "DMA write"): coverage counts
     * how often each actor did each kind, as TLC counts per action. By default the description itself.
     */
    default String kind() {
        return description();
    }
}
