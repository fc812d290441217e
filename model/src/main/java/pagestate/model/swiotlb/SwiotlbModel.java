package pagestate.model.swiotlb;

import java.util.List;
import java.util.function.BiConsumer;
import pagestate.model.FieldModel;
import pagestate.model.Fields;
import pagestate.model.PropertyName;
import pagestate.model.SeedSystem;
import pagestate.model.SystemAction;
import pagestate.model.SystemProperty;

/**
 * Hyper-V vTOM and swiotlb (docs/model.md section 7, seed 000). Actors: the guest on CPU0 (its program), a zeropad
 * reader on CPU1 (the page before the pool, read across into the pool page through the direct map, at
 * any time) and the device (reads the bounce slot, then writes its answer there).
 *
 * <p>State: the pool page's host visibility; its direct-map PTE (present, private or shared alias); the
 * second mapping above vTOM; the contents of the bounce slot and of the driver's buffer; the device and
 * what it read; what the CPU read; flags for a private-alias access and a fatal outcome; each CPU's TLB
 * entry for the pool page and the page's cache lines by key ({@link PoolCpu}: a translation outlives its
 * PTE until a flush, as in the cpu system).
 *
 * <p>Access rule (docs/model.md section 5, vTOM): an access whose alias disagrees with the page's host
 * visibility is a #VC that goes to the paravisor, which cannot forward it: fatal. An access with no
 * translation (PTE not present, no TLB entry) is a #PF (fixed up for a zeropad, an oops for anything else).
 */
public final class SwiotlbModel extends FieldModel {

    static final int PC = 0;
    static final int VISIBLE = 1;
    static final int DM_PRESENT = 2;
    static final int DM_SHARED = 3;
    static final int REMAPPED = 4;
    static final int SLOT = 5;
    static final int BUFFER = 6;
    static final int DEVICE = 7;       // 0 idle, 1 started, 2 read done, 3 done
    static final int DEV_READ = 8;     // 0 not yet, else contents + 1
    static final int CPU_READ = 9;     // 0 not yet, else contents + 1
    static final int READER = 10;      // 0 not yet, else outcome + 1
    static final int PRIVATE_ALIAS = 11;
    static final int CRASH = 12;       // 0 alive, else Outcome ordinal
    static final int TLB0 = 13;        // PoolCpu.NONE, PRIVATE or SHARED
    static final int TLB1 = 14;
    static final int LINE_PRIVATE = 15; // PoolCpu.NONE, CLEAN or DIRTY
    static final int LINE_SHARED = 16;
    static final int FIELDS = 17;

    // contents
    static final int ZERO = 0;
    static final int DRIVER_DATA = 1;
    static final int DEVICE_DATA = 2;
    static final int GARBAGE = 3;
    static final String[] CONTENTS = {"zeroes", "driver's data", "device's data", "garbage (ciphertext)"};

    /** The outcome of a CPU access to the pool page. */
    enum Outcome {
        OK("ok", "ok"),
        PF_FIXUP("pf_fixup", "#PF on the not-present pool page, fixed up by ex_handler_zeropad()"),
        PF_OOPS("pf_oops", "#PF on the not-present pool page outside a fixup: oops"),
        PRIVATE_ALIAS_VC("vtom_paravisor", "#VC to the paravisor: private-alias access to a host-visible page, which it cannot forward"),
        SHARED_ALIAS_VC("vtom_paravisor", "#VC to the paravisor: shared-alias access to a page that is not host-visible, which it cannot forward");

        final String label;
        final String text;

        Outcome(String label, String text) {
            this.label = label;
            this.text = text;
        }

        boolean fatal() {
            return this == PF_OOPS || this == PRIVATE_ALIAS_VC || this == SHARED_ALIAS_VC;
        }
    }

    static final int GUEST = 0;
    static final int READER_ACTOR = 1;
    static final int DEVICE_ACTOR = 2;
    static final int HARDWARE = 3;

    /** Steps that change the pool page's state or its translations: the conversion is done after the last. */
    private static final java.util.Set<SwiotlbStep> CONVERSION = java.util.EnumSet.of(SwiotlbStep.HV_VISIBILITY,
            SwiotlbStep.REMAP, SwiotlbStep.CLEAR_PRESENT, SwiotlbStep.FLIP, SwiotlbStep.SET_PRESENT, SwiotlbStep.FLUSH_TLB,
            SwiotlbStep.FLUSH_CACHE);

    private final SwiotlbConfig config;
    private final List<String> actorNames;
    private final List<SystemProperty<Fields>> properties;
    private final PoolCpu cpu;
    private final int doneAt;   // the guest's pc once the conversion is done, or -1 when it never makes the pool host-visible

    public SwiotlbModel(SwiotlbConfig config) {
        this.config = config;
        this.cpu = new PoolCpu(config);
        int last = -1;
        for (int i = 0; i < config.steps().size(); i++) if (CONVERSION.contains(config.steps().get(i))) last = i;
        this.doneAt = config.steps().contains(SwiotlbStep.HV_VISIBILITY) ? last + 1 : -1;
        this.actorNames = List.of(config.guest() + " (CPU0)", (config.reader() == null ? "reader" : config.reader()) + " (CPU1 zeropad)",
                (config.device() == null ? "device" : config.device()) + " (device)", "hardware");
        this.properties = List.of(
                SystemProperty.safety(PropertyName.NO_FATAL, s -> s.get(CRASH) == 0,
                        s -> "the guest died: " + Outcome.values()[s.get(CRASH)].text),
                SystemProperty.safety(PropertyName.NO_PRIVATE_ALIAS_ACCESS, s -> !s.flag(PRIVATE_ALIAS),
                        s -> "a CPU accessed the host-visible pool page through its private alias below vTOM"),
                SystemProperty.safety(PropertyName.DEVICE_READS_AFTER_COPY, s -> s.get(DEV_READ) == 0 || s.get(DEV_READ) == DRIVER_DATA + 1,
                        s -> "the device read " + CONTENTS[s.get(DEV_READ) - 1] + " from the bounce slot, not the driver's data"),
                SystemProperty.safety(PropertyName.CPU_READS_AFTER_SYNC,
                        s -> config.device() == null || s.get(CPU_READ) == 0 || s.get(CPU_READ) == DEVICE_DATA + 1,
                        s -> "the CPU read " + CONTENTS[s.get(CPU_READ) - 1] + " from its buffer, not the device's data"),
                SystemProperty.safety(PropertyName.C_BIT_ZERO, s -> cBitPte(s) == null, s -> cBitPte(s) + " has C=1"),
                SystemProperty.safety(PropertyName.TRANSLATIONS_CONSISTENT, s -> PoolCpu.inconsistency(s) == null, PoolCpu::inconsistency),
                SystemProperty.safety(PropertyName.NO_STALE_TLB_AFTER_DONE, s -> staleTlb(s) == null, this::staleTlb),
                SystemProperty.safety(PropertyName.NO_STALE_DIRTY_LINE, s -> cpu.staleLine(s) == null, cpu::staleLine));
    }

    /** Once the guest's conversion steps are done, no CPU caches the pool page's old (private) translation. */
    private String staleTlb(Fields s) {
        if (doneAt < 0 || s.get(PC) < doneAt) return null;
        for (int c = 0; c < 2; c++) {
            if (s.get(PoolCpu.tlbField(c)) == PoolCpu.PRIVATE) return "the conversion is done but CPU" + c + " still caches the pool page as private";
        }
        return null;
    }

    public SwiotlbConfig config() { return config; }

    @Override public SeedSystem system() { return SeedSystem.VTOM_SWIOTLB; }
    @Override public List<String> actorNames() { return actorNames; }
    @Override public List<SystemProperty<Fields>> properties() { return properties; }
    @Override public List<String> lanes() { return List.of("CPU0", "CPU1", "device", "hardware"); }

    /** The pool page is private, mapped by the direct map's private alias; the buffer holds the driver's data. */
    @Override
    public Fields initialState() {
        return new Fields(FIELDS).with(DM_PRESENT, 1).with(BUFFER, DRIVER_DATA);
    }

    @Override
    public boolean isTerminal(Fields s) {
        return s.get(CRASH) != 0 || (s.get(PC) == config.steps().size() && (config.reader() == null || s.get(READER) != 0)
                && (s.get(DEVICE) == 0 || s.get(DEVICE) == 3));
    }

    @Override
    public void successors(Fields s, BiConsumer<SystemAction, Fields> sink) {
        if (s.get(CRASH) != 0) return;
        guest(s, sink);
        reader(s, sink);
        device(s, sink);
        // the kind of a hardware action is its text up to the colon ("speculative TLB fill: CPU0 ...")
        cpu.hardware(s, (what, next) -> sink.accept(new SystemAction(HARDWARE, "hardware", "hardware", what, null,
                what.indexOf(':') > 0 ? what.substring(0, what.indexOf(':')) : what), next));
    }

    /** A PTE with C=1, or null: with sme_me_mask set every private PTE carries it (the driver's buffer at least). */
    private String cBitPte(Fields s) {
        if (config.encryption() != Encryption.C_BIT) return null;
        if (s.flag(DM_PRESENT) && !s.flag(DM_SHARED)) return "the pool page's direct-map PTE";
        return "the driver's buffer's direct-map PTE";
    }

    /** The vTOM verdict on an access with {@code key} (docs/model.md section 5): the alias must match the visibility. */
    private static Outcome verdict(Fields s, int key) {
        if (key == PoolCpu.SHARED) return s.flag(VISIBLE) ? Outcome.OK : Outcome.SHARED_ALIAS_VC;
        return s.flag(VISIBLE) ? Outcome.PRIVATE_ALIAS_VC : Outcome.OK;
    }

    /** An access's outcome, the key it used (NONE on #PF) and the state with the walk's TLB fill. */
    record Access(Outcome outcome, int key, Fields state) { }

    /** A CPU access to the pool page through the direct map: the CPU's translation, then the vTOM verdict. */
    private static Access throughDirectMap(Fields s, int cpu, boolean zeropad) {
        PoolCpu.Translation t = PoolCpu.translate(s, cpu);
        if (t.key() == PoolCpu.NONE) return new Access(zeropad ? Outcome.PF_FIXUP : Outcome.PF_OOPS, PoolCpu.NONE, s);
        return new Access(verdict(s, t.key()), t.key(), t.state());
    }

    /** swiotlb's own accesses (CPU0) go through the alias above vTOM once the pool was remapped, else through the direct map. */
    private static Access throughSwiotlbAlias(Fields s) {
        if (s.flag(REMAPPED)) return new Access(verdict(s, PoolCpu.SHARED), PoolCpu.SHARED, s);
        return throughDirectMap(s, GUEST, false);
    }

    /** How an access by {@code cpu} through the direct map translates, for the trace. */
    private static String via(Fields s, int cpu) {
        int t = s.get(PoolCpu.tlbField(cpu));
        if (t != PoolCpu.NONE) return " (direct map, through CPU" + cpu + "'s TLB entry: " + PoolCpu.KEYS[t] + ")";
        return " (direct map, " + (s.flag(DM_PRESENT) ? "walks the PTE)" : "PTE not present)");
    }

    private static Fields after(Fields s, Outcome o) {
        if (o == Outcome.PRIVATE_ALIAS_VC) s = s.with(PRIVATE_ALIAS, 1);
        if (o.fatal()) s = s.with(CRASH, o.ordinal());
        return s;
    }

    private void guest(Fields s, BiConsumer<SystemAction, Fields> sink) {
        int pc = s.get(PC);
        if (pc >= config.steps().size()) return;
        SwiotlbStep step = config.steps().get(pc);
        Fields x = s.with(PC, pc + 1);
        Outcome o = Outcome.OK;
        String what = step.specName();
        switch (step) {
            case HV_VISIBILITY -> {
                x = x.with(VISIBLE, 1);
                what = "hypercall: the pool page becomes host-visible";
            }
            case REMAP -> {
                x = x.with(REMAPPED, 1);
                what = "map the pool page again above vTOM; swiotlb uses that alias (the direct map's private alias stays)";
            }
            case CLEAR_PRESENT -> x = x.with(DM_PRESENT, 0);
            case SET_PRESENT -> x = x.with(DM_PRESENT, 1);
            case FLIP -> {
                x = x.with(DM_SHARED, 1);
                what = "flip the pool page's direct-map PTE to the shared alias";
            }
            case FLUSH_TLB -> {
                x = PoolCpu.flushTlb(x);
                what = "flush the pool page's TLB entries on all CPUs";
            }
            case FLUSH_CACHE -> {
                x = cpu.flushCache(x);
                what = "CLFLUSH the pool page through the direct map" + (s.flag(DM_PRESENT) ? "" : " (skipped: the PTE is not present)");
            }
            case ZERO -> {
                Access a = throughSwiotlbAlias(x);
                o = a.outcome();
                if (!o.fatal()) x = PoolCpu.write(a.state(), a.key()).with(SLOT, ZERO);
                what = "swiotlb memsets the pool through its alias" + (s.flag(REMAPPED) ? " (alias above vTOM)" : via(s, GUEST));
            }
            case MAP -> {
                Access a = throughSwiotlbAlias(x);
                o = a.outcome();
                if (!o.fatal()) x = PoolCpu.write(a.state(), a.key()).with(SLOT, s.get(BUFFER));
                what = "swiotlb_tbl_map_single(): copy the buffer into the bounce slot" + (s.flag(REMAPPED) ? " (alias above vTOM)" : via(s, GUEST));
            }
            case START -> {
                if (config.device() != null && s.get(DEVICE) == 0) x = x.with(DEVICE, 1);
                what = "start the device's DMA on the bounce slot";
            }
            case WAIT -> {
                if (s.get(DEVICE) == 1 || s.get(DEVICE) == 2) return;
                what = "wait for the device";
            }
            case SYNC_FOR_CPU -> {
                Access a = throughSwiotlbAlias(x);
                o = a.outcome();
                if (!o.fatal()) x = PoolCpu.read(a.state(), a.key()).with(BUFFER, s.get(SLOT));
                what = "dma_sync_single_for_cpu(): copy the bounce slot back into the buffer" + (s.flag(REMAPPED) ? " (alias above vTOM)" : via(s, GUEST));
            }
            case READ -> {
                x = x.with(CPU_READ, s.get(BUFFER) + 1);
                what = "the driver reads its buffer";
            }
            default -> throw new IllegalStateException();
        }
        sink.accept(new SystemAction(GUEST, actorNames.get(GUEST), "CPU0", what, text(o)), after(x, o));
    }

    private void reader(Fields s, BiConsumer<SystemAction, Fields> sink) {
        if (config.reader() == null || s.get(READER) != 0) return;
        Access a = throughDirectMap(s, READER_ACTOR, true);
        Outcome o = a.outcome();
        Fields x = o == Outcome.OK ? PoolCpu.read(a.state(), a.key()) : a.state();
        sink.accept(new SystemAction(READER_ACTOR, actorNames.get(READER_ACTOR), "CPU1",
                "load_unaligned_zeropad() from the page before the pool across into the pool page" + via(s, READER_ACTOR), text(o)),
                after(x.with(READER, o.ordinal() + 1), o));
    }

    /** The device (the host's side of the DMA) sees the page only when it is host-visible; otherwise ciphertext. */
    private void device(Fields s, BiConsumer<SystemAction, Fields> sink) {
        if (s.get(DEVICE) == 1) {
            int value = s.flag(VISIBLE) ? s.get(SLOT) : GARBAGE;
            sink.accept(new SystemAction(DEVICE_ACTOR, actorNames.get(DEVICE_ACTOR), "device",
                    "device reads the bounce slot: " + CONTENTS[value], null, "device reads the bounce slot"),
                    s.with(DEV_READ, value + 1).with(DEVICE, 2));
        } else if (s.get(DEVICE) == 2) {
            // DMA is coherent with the CPU's caches for the key it uses: its write drops the shared-key line;
            // a private-key line is another line (docs/model.md section 4) and stays
            Fields x = s.with(DEVICE, 3);
            if (s.flag(VISIBLE)) x = x.with(SLOT, DEVICE_DATA).with(LINE_SHARED, PoolCpu.NONE);
            sink.accept(new SystemAction(DEVICE_ACTOR, actorNames.get(DEVICE_ACTOR), "device",
                    "device writes its answer into the bounce slot" + (s.flag(VISIBLE) ? "" : " (lost: the page is not host-visible)"), null), x);
        }
    }

    private static String text(Outcome o) {
        return outcomeText(o == Outcome.OK, o.label, o.text);
    }

    // ---- text and program

    @Override
    protected int fieldCount() { return FIELDS; }

    @Override
    protected String fieldName(int i) {
        return switch (i) {
            case PC -> config.guest() + " pc";
            case VISIBLE -> "pool page host-visible";
            case DM_PRESENT -> "direct-map PTE present";
            case DM_SHARED -> "direct-map PTE alias";
            case REMAPPED -> "mapping above vTOM";
            case SLOT -> "bounce slot";
            case BUFFER -> "driver's buffer";
            case DEVICE -> "device";
            case DEV_READ -> "device read";
            case CPU_READ -> "CPU read";
            case READER -> "zeropad";
            case PRIVATE_ALIAS -> "private-alias access";
            case TLB0 -> "CPU0 TLB (pool page)";
            case TLB1 -> "CPU1 TLB (pool page)";
            case LINE_PRIVATE -> "private-key line";
            case LINE_SHARED -> "shared-key line";
            default -> "guest";
        };
    }

    @Override
    protected String valueText(int i, int v) {
        return switch (i) {
            case PC -> String.valueOf(v);
            case DM_SHARED -> v == 0 ? (config.encryption() == Encryption.C_BIT ? "private (C=1)" : "private (below vTOM)")
                    : (config.encryption() == Encryption.C_BIT ? "shared (C=0)" : "shared (above vTOM)");
            case SLOT, BUFFER -> CONTENTS[v];
            case DEVICE -> new String[] {"idle", "started", "has read", "done"}[v];
            case DEV_READ, CPU_READ -> v == 0 ? "not yet" : CONTENTS[v - 1];
            case READER -> v == 0 ? "not yet" : Outcome.values()[v - 1].label;
            case CRASH -> v == 0 ? "alive" : "dead (" + Outcome.values()[v].label + ")";
            case TLB0, TLB1 -> PoolCpu.KEYS[v];
            case LINE_PRIVATE, LINE_SHARED -> PoolCpu.LINES[v];
            default -> yesNo(v);
        };
    }

    @Override public String tag(Fields s) { return s.get(CRASH) == 0 ? null : Outcome.values()[s.get(CRASH)].label; }
    @Override public boolean isProgramActor(int actor) { return actor == GUEST; }
    @Override public int programSize() { return config.steps().size(); }
    @Override public int programPc(Fields s) { return s.get(PC); }
    @Override public String programStep(int pc) { return config.steps().get(pc).specName(); }
}
