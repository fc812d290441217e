package pagestate.model.iommu;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import pagestate.model.FieldModel;
import pagestate.model.Fields;
import pagestate.model.PropertyName;
import pagestate.model.SeedSystem;
import pagestate.model.SystemAction;
import pagestate.model.SystemProperty;

/**
 * AMD IOMMU with SEV-SNP (docs/model.md section 7, seed 002). Actors: the guest (its program on one page), the VMM
 * (handles each Page State Change: the RMP update and, under a dynamic policy, the IOMMU update), the
 * device (one DMA write into the posted page) and the IOMMU hardware (drops IOTLB entries at any time).
 *
 * <p>State: per page its RMP assignment (guest-owned private, or hypervisor-owned shared); the size of
 * the region's RMP entry (2M until a 4K PSC smashes it); the IOMMU page table (one 2M entry, or 4K
 * entries per page) and the IOTLB cached from it; the guest's pc and pending PSC; the device.
 */
public final class IommuModel extends FieldModel {

    // ---- fields
    static final int GUEST_PC = 0;
    static final int REQUEST = 1;     // pending PSC: 0 none, 1 to shared, 2 to private
    static final int VMM_PC = 2;      // position in the VMM's handling of the request
    static final int RMP_4K = 3;      // 0: one 2M RMP entry for the region; 1: smashed into 4K entries
    static final int IOMMU_2M = 4;    // the IOMMU page table has a 2M entry over the region
    static final int IOTLB_2M = 5;    // the IOTLB caches that 2M translation
    static final int DEVICE = 6;      // 0 idle, 1 posted (may DMA), 2 done, 3 failed
    static final int DMA_OK = 7;      // a DMA into the shared page has succeeded
    static final int PER_PAGE = 8;    // then per page: RMP shared?, IOMMU 4K entry?, IOTLB 4K entry?

    static final int NO_REQUEST = 0;
    static final int SHARE = 1;
    static final int UNSHARE = 2;
    static final int IDLE = 0;
    static final int POSTED = 1;
    static final int DONE = 2;
    static final int FAILED = 3;

    /** One step of the VMM's handling of a PSC. */
    enum VmmStep { RMP_SHARED, RMP_PRIVATE, MAP_4K, UNMAP_4K, INVALIDATE }

    static final int GUEST = 0;
    static final int VMM = 1;
    static final int DEVICE_ACTOR = 2;
    static final int IOMMU_HW = 3;

    private final IommuConfig config;
    private final int pages;
    private final int page;
    private final List<String> actorNames;
    private final List<SystemProperty<Fields>> properties;

    public IommuModel(IommuConfig config) {
        this.config = config;
        this.pages = config.pages();
        this.page = config.page();
        List<String> names = new ArrayList<>();
        names.add(config.guest() + " (guest)");
        names.add("VMM");
        names.add((config.device() == null ? "device" : config.device()) + " (device)");
        names.add("IOMMU");
        this.actorNames = List.copyOf(names);
        boolean posts = config.steps().contains(GuestStep.POST);
        this.properties = List.of(
                SystemProperty.safety(PropertyName.IOMMU_MAPS_SHARED_ONLY, this::mapsSharedOnly, this::privateMapped),
                SystemProperty.safety(PropertyName.IOMMU_SIZE_WITHIN_RMP, s -> !twoMeg(s) || !s.flag(RMP_4K),
                        s -> "a 2M IOMMU translation covers a region whose RMP entry was smashed to 4K by a PSC"),
                SystemProperty.liveness(PropertyName.SHARED_DMA_SUCCEEDS, s -> !posts || s.flag(DMA_OK),
                        s -> s.get(DEVICE) == FAILED ? "the device's DMA into page " + page + " failed and nothing retries it"
                                : "the DMA into page " + page + " never succeeds", Set.of(GUEST, VMM, DEVICE_ACTOR)));
    }

    public IommuConfig config() { return config; }

    @Override public SeedSystem system() { return SeedSystem.IOMMU; }
    @Override public List<String> actorNames() { return actorNames; }
    @Override public List<SystemProperty<Fields>> properties() { return properties; }
    @Override public List<String> lanes() { return List.of("CPU0", "VMM", "IOMMU", "device"); }

    static int rmpShared(int p) { return PER_PAGE + 3 * p; }
    static int iommu4k(int p) { return PER_PAGE + 3 * p + 1; }
    static int iotlb4k(int p) { return PER_PAGE + 3 * p + 2; }

    /** Initial state: all pages private under one 2M RMP entry; the IOMMU as the policy sets it up at start. */
    @Override
    public Fields initialState() {
        Fields s = new Fields(fieldCount());
        if (config.policy() == IommuPolicy.MAP_ALL_2M) s = s.with(IOMMU_2M, 1);
        if (config.policy() == IommuPolicy.MAP_ALL_4K) for (int p = 0; p < pages; p++) s = s.with(iommu4k(p), 1);
        return s;
    }

    @Override
    public boolean isTerminal(Fields s) {
        return s.get(GUEST_PC) == config.steps().size() && s.get(REQUEST) == NO_REQUEST && s.get(DEVICE) != POSTED;
    }

    @Override
    public void successors(Fields s, BiConsumer<SystemAction, Fields> sink) {
        guest(s, sink);
        vmm(s, sink);
        device(s, sink);
        iotlbEvictions(s, sink);
    }

    // ---- the guest

    /** A PSC is synchronous: the guest's next step waits until the VMM has handled the request (GHCB protocol). */
    private void guest(Fields s, BiConsumer<SystemAction, Fields> sink) {
        int pc = s.get(GUEST_PC);
        if (pc >= config.steps().size() || s.get(REQUEST) != NO_REQUEST) return;
        GuestStep step = config.steps().get(pc);
        Fields n = s.with(GUEST_PC, pc + 1);
        String what;
        switch (step) {
            case TO_SHARED -> {
                n = n.with(REQUEST, SHARE).with(VMM_PC, 0);
                what = "PSC request: page " + page + " to shared (4K)";
            }
            case TO_PRIVATE -> {
                n = n.with(REQUEST, UNSHARE).with(VMM_PC, 0);
                what = "PSC request: page " + page + " to private (4K)";
            }
            case POST -> {
                if (s.get(DEVICE) == IDLE) n = n.with(DEVICE, POSTED);
                what = "post page " + page + " to the device as a DMA buffer";
            }
            case WAIT -> {
                if (s.get(DEVICE) == POSTED) return; // blocks until the device has finished
                what = "wait for the device: its DMA " + (s.get(DEVICE) == DONE ? "completed" : s.get(DEVICE) == FAILED ? "failed" : "was never started");
            }
            default -> throw new IllegalStateException();
        }
        sink.accept(new SystemAction(GUEST, actorNames.get(GUEST), "CPU0", what, null), n);
    }

    // ---- the VMM

    /** The VMM's handling of a PSC, per policy: RMP first then map (to shared); unmap, invalidate, then RMP (to private). */
    List<VmmStep> handling(int request) {
        List<VmmStep> l = new ArrayList<>();
        if (request == SHARE) {
            l.add(VmmStep.RMP_SHARED);
            if (config.policy().dynamic()) l.add(VmmStep.MAP_4K);       // map only after the conversion to shared
        } else {
            if (config.policy().dynamic()) l.add(VmmStep.UNMAP_4K);     // unmap before the conversion to private
            if (config.policy() == IommuPolicy.DYNAMIC) l.add(VmmStep.INVALIDATE);
            l.add(VmmStep.RMP_PRIVATE);
        }
        return l;
    }

    private void vmm(Fields s, BiConsumer<SystemAction, Fields> sink) {
        int request = s.get(REQUEST);
        if (request == NO_REQUEST) return;
        List<VmmStep> steps = handling(request);
        VmmStep step = steps.get(s.get(VMM_PC));
        Fields n = s.get(VMM_PC) + 1 == steps.size() ? s.with(REQUEST, NO_REQUEST).with(VMM_PC, 0) : s.with(VMM_PC, s.get(VMM_PC) + 1);
        String what = switch (step) {
            case RMP_SHARED -> {
                // a 4K PSC inside a 2M RMP entry smashes it into 4K entries (seed 002, Kalra)
                String smash = s.flag(RMP_4K) ? "" : "; the region's 2M RMP entry is smashed into 4K entries";
                n = n.with(rmpShared(page), 1).with(RMP_4K, 1);
                yield "RMP: page " + page + " assigned to the hypervisor (shared)" + smash;
            }
            case RMP_PRIVATE -> {
                n = n.with(rmpShared(page), 0).with(RMP_4K, 1);
                yield "RMP: page " + page + " assigned to the guest (private)";
            }
            case MAP_4K -> {
                n = n.with(iommu4k(page), 1);
                yield "IOMMU: map page " + page + " with a 4K entry";
            }
            case UNMAP_4K -> {
                n = n.with(iommu4k(page), 0);
                yield "IOMMU: unmap page " + page;
            }
            case INVALIDATE -> {
                n = n.with(iotlb4k(page), 0).with(IOTLB_2M, 0);
                yield "IOTLB invalidate page " + page;
            }
        };
        sink.accept(new SystemAction(VMM, actorNames.get(VMM), "VMM", what, null), n);
    }

    // ---- the device and the IOMMU

    /**
     * One DMA write into the posted page: the IOMMU translates through its IOTLB, else walks its table
     * and caches the entry; then the RMP check: the page must be hypervisor-owned, and a translation
     * larger than the page's RMP entry takes an RMP #PF (seed 002: "page size mismatch").
     */
    private void device(Fields s, BiConsumer<SystemAction, Fields> sink) {
        if (s.get(DEVICE) != POSTED) return;
        Fields n = s;
        boolean twoMeg;
        String how;
        if (s.flag(IOTLB_2M)) {
            twoMeg = true;
            how = "through the cached 2M IOTLB entry";
        } else if (s.flag(iotlb4k(page))) {
            twoMeg = false;
            how = "through the cached 4K IOTLB entry";
        } else if (s.flag(IOMMU_2M)) {
            twoMeg = true;
            n = n.with(IOTLB_2M, 1);
            how = "through the IOMMU's 2M entry (now cached)";
        } else if (s.flag(iommu4k(page))) {
            twoMeg = false;
            n = n.with(iotlb4k(page), 1);
            how = "through the IOMMU's 4K entry (now cached)";
        } else {
            sink.accept(new SystemAction(DEVICE_ACTOR, actorNames.get(DEVICE_ACTOR), "device",
                    "DMA write into page " + page, "io_page_fault: the IOMMU has no translation for the page",
                    "DMA write"), n.with(DEVICE, FAILED));
            return;
        }
        String outcome = null;
        if (!s.flag(rmpShared(page))) {
            outcome = "rmp_violation: DMA into a guest-owned (private) page is blocked by the RMP check";
        } else if (twoMeg && s.flag(RMP_4K)) {
            outcome = "rmp_pf: RMP #PF, the 2M IOMMU translation is larger than the page's 4K RMP entry";
        }
        n = outcome == null ? n.with(DEVICE, DONE).with(DMA_OK, 1) : n.with(DEVICE, FAILED);
        sink.accept(new SystemAction(DEVICE_ACTOR, actorNames.get(DEVICE_ACTOR), "device",
                "DMA write into page " + page + " " + how, outcome, "DMA write"), n);
    }

    /** The IOMMU may drop any IOTLB entry at any time. */
    private void iotlbEvictions(Fields s, BiConsumer<SystemAction, Fields> sink) {
        if (s.flag(IOTLB_2M)) {
            sink.accept(new SystemAction(IOMMU_HW, "IOMMU", "IOMMU", "IOTLB drops the 2M entry", null), s.with(IOTLB_2M, 0));
        }
        for (int p = 0; p < pages; p++) {
            if (s.flag(iotlb4k(p))) {
                sink.accept(new SystemAction(IOMMU_HW, "IOMMU", "IOMMU", "IOTLB drops the 4K entry of page " + p, null,
                                "IOTLB drops a 4K entry"),
                        s.with(iotlb4k(p), 0));
            }
        }
    }

    // ---- properties

    private static boolean twoMeg(Fields s) {
        return s.flag(IOMMU_2M) || s.flag(IOTLB_2M);
    }

    private boolean mapped(Fields s, int p) {
        return twoMeg(s) || s.flag(iommu4k(p)) || s.flag(iotlb4k(p));
    }

    private boolean mapsSharedOnly(Fields s) {
        for (int p = 0; p < pages; p++) if (mapped(s, p) && !s.flag(rmpShared(p))) return false;
        return true;
    }

    private String privateMapped(Fields s) {
        for (int p = 0; p < pages; p++) {
            if (mapped(s, p) && !s.flag(rmpShared(p))) {
                String via = s.flag(IOMMU_2M) ? "the 2M IOMMU entry" : s.flag(iommu4k(p)) ? "a 4K IOMMU entry"
                        : "a stale IOTLB entry";
                return "page " + p + " is private (guest-owned in the RMP) but " + via + " maps it for the device";
            }
        }
        return "";
    }

    // ---- text and program

    @Override
    protected int fieldCount() { return PER_PAGE + 3 * pages; }

    @Override
    protected String fieldName(int i) {
        switch (i) {
            case GUEST_PC: return config.guest() + " pc";
            case REQUEST: return "PSC request";
            case VMM_PC: return null;
            case RMP_4K: return "RMP entry size";
            case IOMMU_2M: return "IOMMU 2M entry";
            case IOTLB_2M: return "IOTLB 2M entry";
            case DEVICE: return "device";
            case DMA_OK: return null;
            default:
                int p = (i - PER_PAGE) / 3;
                return switch ((i - PER_PAGE) % 3) {
                    case 0 -> "RMP p" + p;
                    case 1 -> "IOMMU 4K entry p" + p;
                    default -> "IOTLB 4K entry p" + p;
                };
        }
    }

    @Override
    protected String valueText(int i, int v) {
        switch (i) {
            case GUEST_PC: return String.valueOf(v);
            case REQUEST: return v == NO_REQUEST ? "none" : v == SHARE ? "to shared" : "to private";
            case RMP_4K: return v == 0 ? "2M" : "4K";
            case DEVICE: return new String[] {"idle", "posted", "done", "failed"}[v];
            default:
                if (i >= PER_PAGE && (i - PER_PAGE) % 3 == 0) return v == 0 ? "private" : "shared";
                return v == 0 ? "none" : "present";
        }
    }

    @Override public boolean isProgramActor(int actor) { return actor == GUEST; }
    @Override public int programSize() { return config.steps().size(); }
    @Override public int programPc(Fields s) { return s.get(GUEST_PC); }
    @Override public String programStep(int pc) { return config.steps().get(pc).specName(); }
}
