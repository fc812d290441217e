package pagestate.model.busdma;

import java.util.List;
import java.util.function.BiConsumer;
import pagestate.model.FieldModel;
import pagestate.model.Fields;
import pagestate.model.PropertyName;
import pagestate.model.SeedSystem;
import pagestate.model.SystemAction;
import pagestate.model.SystemProperty;

/**
 * OpenBSD busdma bounce buffers in an SEV guest (docs/model.md section 7, seed 003, sys/arch/amd64/amd64/bus_dma.c).
 * Actors: the driver (its program on one map) and the device (started by the driver, it reads and/or
 * writes every chunk it was given, in any order). The host sees the bounce pages (shared); it does not act.
 *
 * <p>State, per chunk k: the original private page (the driver's bytes), the private page that follows
 * the first chunk's page in virtual memory by k pages (other private bytes, what a merged segment's
 * sync reaches), the bounce page; what the device read and whether it wrote; what the driver read.
 * Contents are abstract: zero, other private bytes, garbage (ciphertext), segment k's driver bytes,
 * segment k's device bytes.
 */
public final class BusdmaModel extends FieldModel {

    static final int DRIVER_PC = 0;
    static final int LOADED = 1;
    static final int DEVICE = 2;         // 0 idle, 1 started, 2 done
    static final int GAVE_PRIVATE = 3;   // the device was handed a private page's address
    static final int PER_CHUNK = 4;
    static final int CHUNK_FIELDS = 6;

    // contents
    static final int ZERO = 0;
    static final int NEIGHBOUR = 1;
    static final int GARBAGE = 2;

    static int drv(int k) { return 3 + k; }
    static int dev(int k) { return 3 + BusdmaConfig.MAX_SEGMENTS + k; }

    static int orig(int k) { return PER_CHUNK + CHUNK_FIELDS * k; }
    static int neighbour(int k) { return PER_CHUNK + CHUNK_FIELDS * k + 1; }
    static int bounce(int k) { return PER_CHUNK + CHUNK_FIELDS * k + 2; }
    static int devRead(int k) { return PER_CHUNK + CHUNK_FIELDS * k + 3; }   // 0 not yet, else value + 1
    static int devWrote(int k) { return PER_CHUNK + CHUNK_FIELDS * k + 4; }
    static int drvRead(int k) { return PER_CHUNK + CHUNK_FIELDS * k + 5; }   // 0 not yet, else value + 1

    static final int DRIVER = 0;
    static final int DEVICE_ACTOR = 1;

    private final BusdmaConfig config;
    private final int n;
    private final List<String> actorNames;
    private final List<SystemProperty<Fields>> properties;

    public BusdmaModel(BusdmaConfig config) {
        this.config = config;
        this.n = config.segments();
        this.actorNames = List.of(config.driver() + " (driver)", (config.device() == null ? "device" : config.device()) + " (device)");
        this.properties = List.of(
                SystemProperty.safety(PropertyName.DEVICE_SEES_ONLY_BOUNCE, s -> !s.flag(GAVE_PRIVATE),
                        s -> "the device was given the private (encrypted) page's address, not a bounce page's"),
                SystemProperty.safety(PropertyName.BOUNCE_ONE_SEGMENT, this::bouncesOwnSegment, this::foreignBytes),
                SystemProperty.safety(PropertyName.DEVICE_READS_DRIVER_DATA, this::deviceReadDriverData, this::deviceReadWhat),
                SystemProperty.safety(PropertyName.DRIVER_READS_DEVICE_DATA, this::driverReadDeviceData, this::driverReadWhat));
    }

    public BusdmaConfig config() { return config; }

    @Override public SeedSystem system() { return SeedSystem.BUSDMA; }
    @Override public List<String> actorNames() { return actorNames; }
    @Override public List<SystemProperty<Fields>> properties() { return properties; }
    @Override public List<String> lanes() { return List.of("driver", "device"); }

    /** The driver prepared its buffers; the pages after the first hold other private data; bounce pages are zeroed at create. */
    @Override
    public Fields initialState() {
        Fields s = new Fields(fieldCount());
        for (int k = 0; k < n; k++) s = s.with(orig(k), drv(k)).with(neighbour(k), NEIGHBOUR).with(bounce(k), ZERO);
        return s;
    }

    @Override
    public boolean isTerminal(Fields s) {
        return s.get(DRIVER_PC) == config.steps().size() && s.get(DEVICE) != 1;
    }

    @Override
    public void successors(Fields s, BiConsumer<SystemAction, Fields> sink) {
        driver(s, sink);
        device(s, sink);
    }

    /** Where chunk k's bounce page is synced from and to: its own original, or for a merged segment ds_va + k pages. */
    private int syncPartner(int k) {
        return config.load() == LoadMode.COALESCING && k > 0 ? neighbour(k) : orig(k);
    }

    private void driver(Fields s, BiConsumer<SystemAction, Fields> sink) {
        int pc = s.get(DRIVER_PC);
        if (pc >= config.steps().size()) return;
        DriverStep step = config.steps().get(pc);
        Fields x = s.with(DRIVER_PC, pc + 1);
        boolean bounced = s.flag(LOADED) && config.load() != LoadMode.RAW;
        String what = step.specName();
        switch (step) {
            case LOAD -> {
                // the raw load puts the private page's address in ds_addr (seed 003: bounce only when cpu_sev_guestmode)
                x = x.with(LOADED, 1);
                if (config.load() == LoadMode.RAW) x = x.with(GAVE_PRIVATE, 1);
                what = "bus_dmamap_load(): " + switch (config.load()) {
                    case BOUNCE -> "each chunk gets its own bounce page";
                    case COALESCING -> "bounce pages are contiguous, so the chunks are merged into one segment with the first chunk's ds_va";
                    case RAW -> "ds_addr is the private page's address";
                };
            }
            case PREWRITE -> {
                // PREWRITE: bcopy(ds_va + off, ds_bounce + off, l) for each segment (r1.56 _bus_dmamap_sync)
                if (bounced) for (int k = 0; k < n; k++) x = x.with(bounce(k), s.get(syncPartner(k)));
                what = "bus_dmamap_sync(PREWRITE)" + (bounced ? ": originals -> bounce pages" : ": nothing loaded to copy");
            }
            case POSTREAD -> {
                // POSTREAD: bcopy(ds_bounce + off, ds_va + off, l)
                if (bounced) for (int k = 0; k < n; k++) x = x.with(syncPartner(k), s.get(bounce(k)));
                what = "bus_dmamap_sync(POSTREAD)" + (bounced ? ": bounce pages -> originals" : ": nothing loaded to copy");
            }
            case PREREAD, POSTWRITE -> what = "bus_dmamap_sync(" + step.specName().toUpperCase(java.util.Locale.ROOT) + "): no-op";
            case START -> {
                if (config.device() != null) x = x.with(DEVICE, s.flag(LOADED) ? 1 : 2);
                what = "start the device on the map's segments" + (s.flag(LOADED) ? "" : " (none: the map is not loaded)");
            }
            case WAIT -> {
                if (s.get(DEVICE) == 1) return;
                what = "wait for the device to finish";
            }
            case READ -> {
                for (int k = 0; k < n; k++) x = x.with(drvRead(k), s.get(orig(k)) + 1);
                what = "driver reads its buffers";
            }
            case UNLOAD -> {
                x = x.with(LOADED, 0);
                what = "bus_dmamap_unload()";
            }
            default -> throw new IllegalStateException();
        }
        sink.accept(new SystemAction(DRIVER, actorNames.get(DRIVER), "driver", what, null), x);
    }

    /**
     * The device reads (a write transfer) and/or writes (a read transfer) each chunk at its DMA address,
     * chunks in any order. DMA is unencrypted: reading a private page yields ciphertext, and what it
     * writes there the CPU later decrypts into garbage.
     */
    private void device(Fields s, BiConsumer<SystemAction, Fields> sink) {
        if (s.get(DEVICE) != 1) return;
        boolean raw = config.load() == LoadMode.RAW;
        for (int k = 0; k < n; k++) {
            String where = raw ? "private page of segment " + k : "bounce page " + k;
            if (config.deviceReads() && s.get(devRead(k)) == 0) {
                int value = raw ? GARBAGE : s.get(bounce(k));
                emit(sink, s.with(devRead(k), value + 1), "device reads chunk " + k + " at the " + where + ": " + contents(value));
            }
            if (config.deviceWrites() && !s.flag(devWrote(k)) && (!config.deviceReads() || s.get(devRead(k)) != 0)) {
                Fields x = s.with(devWrote(k), 1).with(raw ? orig(k) : bounce(k), raw ? GARBAGE : dev(k));
                emit(sink, x, "device writes its answer for chunk " + k + " at the " + where);
            }
        }
    }

    private void emit(BiConsumer<SystemAction, Fields> sink, Fields x, String what) {
        boolean done = true;
        for (int k = 0; k < n; k++) {
            if (config.deviceReads() && x.get(devRead(k)) == 0) done = false;
            if (config.deviceWrites() && !x.flag(devWrote(k))) done = false;
        }
        sink.accept(new SystemAction(DEVICE_ACTOR, actorNames.get(DEVICE_ACTOR), "device", what, null), done ? x.with(DEVICE, 2) : x);
    }

    // ---- properties

    private boolean bouncesOwnSegment(Fields s) {
        for (int k = 0; k < n; k++) {
            int v = s.get(bounce(k));
            if (v != ZERO && v != drv(k) && v != dev(k)) return false;
        }
        return true;
    }

    private String foreignBytes(Fields s) {
        for (int k = 0; k < n; k++) {
            int v = s.get(bounce(k));
            if (v != ZERO && v != drv(k) && v != dev(k)) return "bounce page " + k + " (segment " + k + ") holds " + contents(v);
        }
        return "";
    }

    private boolean deviceReadDriverData(Fields s) {
        for (int k = 0; k < n; k++) if (s.get(devRead(k)) != 0 && s.get(devRead(k)) != drv(k) + 1) return false;
        return true;
    }

    private String deviceReadWhat(Fields s) {
        for (int k = 0; k < n; k++) {
            if (s.get(devRead(k)) != 0 && s.get(devRead(k)) != drv(k) + 1) {
                return "the device read " + contents(s.get(devRead(k)) - 1) + " for segment " + k + ", not the driver's bytes";
            }
        }
        return "";
    }

    private boolean driverReadDeviceData(Fields s) {
        if (!config.deviceWrites()) return true;
        for (int k = 0; k < n; k++) if (s.get(drvRead(k)) != 0 && s.get(drvRead(k)) != dev(k) + 1) return false;
        return true;
    }

    private String driverReadWhat(Fields s) {
        for (int k = 0; k < n; k++) {
            if (s.get(drvRead(k)) != 0 && s.get(drvRead(k)) != dev(k) + 1) {
                return "the driver read " + contents(s.get(drvRead(k)) - 1) + " in segment " + k + ", not the device's answer";
            }
        }
        return "";
    }

    static String contents(int v) {
        if (v == ZERO) return "zeroes";
        if (v == NEIGHBOUR) return "other private bytes (not of any segment)";
        if (v == GARBAGE) return "garbage (ciphertext)";
        if (v < dev(0)) return "segment " + (v - 3) + "'s driver bytes";
        return "segment " + (v - dev(0)) + "'s device bytes";
    }

    // ---- text and program

    @Override
    protected int fieldCount() { return PER_CHUNK + CHUNK_FIELDS * n; }

    @Override
    protected String fieldName(int i) {
        switch (i) {
            case DRIVER_PC: return config.driver() + " pc";
            case LOADED: return "map loaded";
            case DEVICE: return "device";
            case GAVE_PRIVATE: return "device holds a private address";
            default:
                int k = (i - PER_CHUNK) / CHUNK_FIELDS;
                return switch ((i - PER_CHUNK) % CHUNK_FIELDS) {
                    case 0 -> "original page " + k;
                    case 1 -> k == 0 ? null : "page " + k + " after the first original";
                    case 2 -> "bounce page " + k;
                    case 3 -> "device read of segment " + k;
                    case 4 -> "device wrote segment " + k;
                    default -> "driver read of segment " + k;
                };
        }
    }

    @Override
    protected String valueText(int i, int v) {
        switch (i) {
            case DRIVER_PC: return String.valueOf(v);
            case DEVICE: return new String[] {"idle", "started", "done"}[v];
            case LOADED, GAVE_PRIVATE: return yesNo(v);
            default:
                int f = (i - PER_CHUNK) % CHUNK_FIELDS;
                if (f == 4) return yesNo(v);
                if (f == 3 || f == 5) return v == 0 ? "not yet" : contents(v - 1);
                return contents(v);
        }
    }

    @Override public boolean isProgramActor(int actor) { return actor == DRIVER; }
    @Override public int programSize() { return config.steps().size(); }
    @Override public int programPc(Fields s) { return s.get(DRIVER_PC); }
    @Override public String programStep(int pc) { return config.steps().get(pc).specName(); }
}
