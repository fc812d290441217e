package pagestate.model.cove;

import java.util.List;
import java.util.function.BiConsumer;
import pagestate.model.FieldModel;
import pagestate.model.Fields;
import pagestate.model.PropertyName;
import pagestate.model.SeedSystem;
import pagestate.model.SystemAction;
import pagestate.model.SystemProperty;

/**
 * RISC-V CoVE MMIO against the x86 shared bit (docs/model.md section 7, seed 001). Actors: the guest on CPU0 (its
 * program on the device region M), a zeropad reader on CPU1 (last RAM page across into the hole X after
 * RAM), the TSM (decides where a fault goes) and the host (emulates what is forwarded). An access that
 * faults leaves the fault pending and its CPU waits: the TSM then takes it (its own step, on its lane),
 * and when it forwards the fault, the host emulates the access (its own step); x86 has no TSM: the #VE
 * handler's hypercall goes straight to the host.
 *
 * <p>State: whether M is registered with the TSM (x86: mapped with the shared bit), whether M's address
 * was reused as RAM and whether the TSM has populated it with a confidential page, the reader, and flags
 * for each property and a fatal outcome; and the buffer B the guest shares with the host through
 * share/unshare calls to the TSM ({@link SharedBuffer}).
 */
public final class CoveModel extends FieldModel {

    static final int PC = 0;
    static final int REGISTERED = 1;
    static final int M_RAM = 2;
    static final int M_POPULATED = 3;
    static final int READER = 4;                  // 0 not yet, else outcome + 1
    static final int HOST_UNREGISTERED = 5;
    static final int CONFIDENTIAL_FORWARDED = 6;
    static final int REUSED_REGISTERED = 7;
    static final int CRASH = 8;                   // 0 alive, else Outcome ordinal
    static final int PENDING = 9;                 // 0 none, else a pending fault: actor + 1
    static final int PENDING_AT = 10;             // where it faulted: 0 outside RAM, 1 the reused RAM address
    static final int FORWARDED = 11;              // 0 not yet, else the Outcome the host completes + 1
    static final int B_STATE = 12;                // the shared buffer (SharedBuffer): CONFIDENTIAL, SHARED, UNPOPULATED
    static final int B_DATA = 13;                 // what it holds
    static final int B_CALL = 14;                 // the share or unshare call in progress
    static final int B_SERVICE = 15;              // the host's service: idle, kicked, served
    static final int B_HOST_READ = 16;            // 0 not yet, else what the host read + 1
    static final int B_GOT = 17;                  // 0 not yet, else what the guest read + 1
    static final int FIELDS = 18;

    /** Where an access ended up. */
    enum Outcome {
        OK("ok", "ok"),
        HOST_EMULATED("host_emulated", "the TSM forwarded the fault to the host, which emulated the access"),
        HOST_EMULATED_UNREGISTERED("host_emulated_unregistered", "the TSM forwarded a fault at an address nobody registered; the host answered it"),
        VE_HYPERCALL("ve_hypercall", "#VE on the shared mapping; the handler's hypercall had the host emulate it"),
        FAULT_FIXUP("fault_fixup", "access fault outside RAM reflected to the guest, fixed up by ex_handler_zeropad()"),
        FAULT_OOPS("fault_oops", "access fault reflected to the guest outside a fixup: oops"),
        CONFIDENTIAL_TO_HOST("confidential_forwarded", "the first touch of the reused confidential page faulted; the TSM took it for registered MMIO and forwarded it, data and all, to the host"),
        POPULATED("populated", "the first touch of the reused page faulted; the TSM mapped a confidential page and the access completed");

        final String label;
        final String text;

        Outcome(String label, String text) {
            this.label = label;
            this.text = text;
        }
    }

    static final int GUEST = 0;
    static final int READER_ACTOR = 1;
    static final int TSM = 2;
    static final int HOST = 3;

    private final CoveConfig config;
    private final boolean x86;
    private final List<String> actorNames;
    private final List<SystemProperty<Fields>> properties;
    private final SharedBuffer buffer;

    public CoveModel(CoveConfig config) {
        this.config = config;
        this.x86 = config.mode() == TsmMode.X86_SHARED_BIT;
        this.buffer = new SharedBuffer(this, x86);
        this.actorNames = List.of(config.guest() + " (CPU0)", (config.reader() == null ? "reader" : config.reader()) + " (CPU1 zeropad)",
                "TSM", "host");
        this.properties = List.of(
                SystemProperty.safety(PropertyName.NO_FATAL, s -> s.get(CRASH) == 0,
                        s -> "the guest died: " + Outcome.values()[s.get(CRASH)].text),
                SystemProperty.safety(PropertyName.HOST_EMULATES_REGISTERED_ONLY, s -> !s.flag(HOST_UNREGISTERED),
                        s -> "the host emulated a load at an address outside RAM that the guest never registered"),
                SystemProperty.safety(PropertyName.CONFIDENTIAL_NEVER_FORWARDED, s -> !s.flag(CONFIDENTIAL_FORWARDED),
                        s -> "an access to a confidential (reused RAM) address was forwarded to the host"),
                SystemProperty.safety(PropertyName.REGION_REMOVED_BEFORE_REUSE, s -> !s.flag(REUSED_REGISTERED),
                        s -> "the region's address became RAM while it was still registered as MMIO"),
                SystemProperty.safety(PropertyName.HOST_READS_AFTER_SHARE,
                        s -> s.get(B_HOST_READ) == 0 || s.get(B_HOST_READ) == SharedBuffer.MESSAGE + 1,
                        s -> "the host read " + SharedBuffer.CONTENTS[s.get(B_HOST_READ) - 1] + " from the buffer, not the guest's message"),
                SystemProperty.safety(PropertyName.GUEST_READS_BEFORE_UNSHARE,
                        s -> s.get(B_GOT) == 0 || s.get(B_GOT) == SharedBuffer.ANSWER + 1,
                        s -> "the guest read " + SharedBuffer.CONTENTS[s.get(B_GOT) - 1] + " from the buffer, not the host's answer"));
    }

    public CoveConfig config() { return config; }

    @Override public SeedSystem system() { return SeedSystem.COVE; }
    @Override public List<String> actorNames() { return actorNames; }
    @Override public List<SystemProperty<Fields>> properties() { return properties; }
    @Override public List<String> lanes() { return List.of("CPU0", "CPU1", "TSM", "host"); }

    @Override
    public Fields initialState() {
        return new Fields(FIELDS);
    }

    @Override
    public boolean isTerminal(Fields s) {
        return s.get(CRASH) != 0 || (s.get(PC) == config.steps().size() && s.get(PENDING) == 0 && !SharedBuffer.busy(s)
                && (config.reader() == null || s.get(READER) != 0));
    }

    @Override
    public void successors(Fields s, BiConsumer<SystemAction, Fields> sink) {
        if (s.get(CRASH) != 0) return;
        if (s.get(PENDING) != GUEST + 1 && s.get(B_CALL) == SharedBuffer.NO_CALL) guest(s, sink);   // a call blocks its CPU
        if (s.get(PENDING) != READER_ACTOR + 1) reader(s, sink);
        if (s.get(PENDING) != 0 && s.get(FORWARDED) == 0) tsm(s, sink);
        buffer.tsm(s, sink);
        if (s.get(FORWARDED) != 0) host(s, sink);
        buffer.host(s, sink);
    }

    /** Whether an access's outcome goes through the TSM (CoVE) or the host (x86 #VE hypercall). */
    private static boolean faults(Outcome o) {
        return o != Outcome.OK;
    }

    private static boolean forwarded(Outcome o) {
        return o == Outcome.HOST_EMULATED || o == Outcome.HOST_EMULATED_UNREGISTERED || o == Outcome.CONFIDENTIAL_TO_HOST
                || o == Outcome.VE_HYPERCALL;
    }

    /**
     * The outcome of the pending fault, decided now from the current state (the TSM's decision). The
     * zeropad strays into the hole after RAM, which no ioremap() registers: its fault is judged as an
     * unregistered address whatever the device region's registration (seed 001, Patra: "only ioremapped
     * regions are considered MMIO regions"; docs/model.md section 7.2).
     */
    private Outcome pendingOutcome(Fields s) {
        boolean zeropad = s.get(PENDING) == READER_ACTOR + 1;
        if (s.get(PENDING_AT) == 1) return reusedRam(s);
        return outsideRam(!zeropad && s.flag(REGISTERED), zeropad);
    }

    /** A faulting access: record the fault; the CPU waits for the TSM (or, on x86, its #VE handler). */
    private Fields fault(Fields s, int actor, boolean reusedRam) {
        return s.with(PENDING, actor + 1).with(PENDING_AT, reusedRam ? 1 : 0);
    }

    /**
     * The TSM takes the pending fault: it forwards it to the host (a registered region, or any address
     * outside RAM in the RFC's mode), maps a confidential page (first touch of RAM), or reflects it to
     * the guest. On x86 this is the guest's own #VE handler deciding to hypercall, or its #PF handler.
     */
    private void tsm(Fields s, BiConsumer<SystemAction, Fields> sink) {
        Outcome o = pendingOutcome(s);
        String lane = x86 ? (s.get(PENDING) == GUEST + 1 ? "CPU0" : "CPU1") : "TSM";
        String who = x86 ? actorNames.get(s.get(PENDING) - 1) : actorNames.get(TSM);
        if (forwarded(o)) {
            String what = x86 ? "#VE handler: hypercall to the host (TDG.VP.VMCALL)" : "TSM forwards the fault to the host";
            sink.accept(new SystemAction(x86 ? s.get(PENDING) - 1 : TSM, who, lane, what, null), s.with(FORWARDED, o.ordinal() + 1));
            return;
        }
        String what = switch (o) {
            case POPULATED -> "TSM maps a confidential page at the reused address; the access completes";
            default -> x86 ? "#PF: the fault goes to the guest's handler" : "TSM reflects the fault to the guest";
        };
        sink.accept(new SystemAction(x86 ? s.get(PENDING) - 1 : TSM, who, lane, what, text(o)), complete(s, o));
    }

    /** The host emulates the forwarded access and the faulting CPU resumes. */
    private void host(Fields s, BiConsumer<SystemAction, Fields> sink) {
        Outcome o = Outcome.values()[s.get(FORWARDED) - 1];
        sink.accept(new SystemAction(HOST, actorNames.get(HOST), "host", "host emulates the access and resumes the guest",
                text(o)), complete(s, o));
    }

    /** The pending access ends with {@code o}: its effects, the reader's outcome, and the CPU resumes. */
    private Fields complete(Fields s, Outcome o) {
        Fields x = s.get(PENDING) == READER_ACTOR + 1 ? s.with(READER, o.ordinal() + 1) : s;
        return after(x.with(PENDING, 0).with(PENDING_AT, 0).with(FORWARDED, 0), o);
    }

    /**
     * A kernel access to an address outside RAM. CoVE: the TSM forwards the fault to the host if the
     * address is in a registered region, or, in the RFC's mode, whenever it is outside RAM (seed 001,
     * Patra: "Otherwise, all memory outside the guest physical region will be considered as the MMIO
     * region"); else it reflects the fault to the guest. x86: a shared mapping takes #VE and the handler
     * hypercalls; no mapping is a #PF (Hansen's summary in seed 001).
     */
    private Outcome outsideRam(boolean registered, boolean zeropad) {
        if (x86) {
            if (registered) return zeropad ? Outcome.FAULT_FIXUP : Outcome.VE_HYPERCALL; // handle_mmio() rejects a page-crossing load (1e7769653b06)
            return zeropad ? Outcome.FAULT_FIXUP : Outcome.FAULT_OOPS;
        }
        if (registered) return Outcome.HOST_EMULATED;
        if (config.mode() == TsmMode.UNREGISTERED_AS_MMIO) return Outcome.HOST_EMULATED_UNREGISTERED;
        return zeropad ? Outcome.FAULT_FIXUP : Outcome.FAULT_OOPS;
    }

    /** A guest access to M after its address was reused as RAM. */
    private Outcome reusedRam(Fields s) {
        if (x86 || s.flag(M_POPULATED)) return Outcome.OK;   // x86: the direct map's private PTE, accepted memory
        // CoVE: the first touch faults to the TSM, which checks its MMIO regions before treating it as RAM
        return s.flag(REGISTERED) ? Outcome.CONFIDENTIAL_TO_HOST : Outcome.POPULATED;
    }

    private Fields after(Fields s, Outcome o) {
        switch (o) {
            case HOST_EMULATED_UNREGISTERED -> s = s.with(HOST_UNREGISTERED, 1);
            case CONFIDENTIAL_TO_HOST -> s = s.with(CONFIDENTIAL_FORWARDED, 1);
            case POPULATED -> s = s.with(M_POPULATED, 1);
            case FAULT_OOPS -> s = s.with(CRASH, o.ordinal());
            default -> { }
        }
        return s;
    }

    private void guest(Fields s, BiConsumer<SystemAction, Fields> sink) {
        int pc = s.get(PC);
        if (pc >= config.steps().size()) return;
        CoveStep step = config.steps().get(pc);
        Fields x = s.with(PC, pc + 1);
        if (buffer.guest(s, x, step, sink) != null) return;
        Outcome o = Outcome.OK;
        String what;
        switch (step) {
            case IOREMAP -> {
                x = x.with(REGISTERED, 1);
                what = x86 ? "ioremap(): map the region with the shared bit (pgprot_decrypted())" : "ioremap(): register the region with the TSM";
            }
            case IOUNMAP -> {
                x = x.with(REGISTERED, 0);
                what = x86 ? "iounmap(): remove the shared mapping" : "iounmap(): remove the region from the TSM";
            }
            case REUSE -> {
                x = x.with(M_RAM, 1);
                if (s.flag(REGISTERED)) x = x.with(REUSED_REGISTERED, 1);
                what = "the region's address is reused as RAM";
            }
            case MMIO -> {
                o = s.flag(M_RAM) ? reusedRam(s) : outsideRam(s.flag(REGISTERED), false);
                what = "read a device register in the region";
            }
            case WRITE -> {
                o = s.flag(M_RAM) ? reusedRam(s) : outsideRam(s.flag(REGISTERED), false);
                what = "write the secret to the reused address";
            }
            case READ -> {
                o = s.flag(M_RAM) ? reusedRam(s) : outsideRam(s.flag(REGISTERED), false);
                what = "read the reused address";
            }
            default -> throw new IllegalStateException();
        }
        if (faults(o)) {
            sink.accept(new SystemAction(GUEST, actorNames.get(GUEST), "CPU0", what + ": it faults", null),
                    fault(x, GUEST, s.flag(M_RAM)));
            return;
        }
        sink.accept(new SystemAction(GUEST, actorNames.get(GUEST), "CPU0", what, text(o)), after(x, o));
    }

    private void reader(Fields s, BiConsumer<SystemAction, Fields> sink) {
        if (config.reader() == null || s.get(READER) != 0) return;
        // the second page is outside RAM: the load always faults there (to the TSM, or a #PF on x86)
        sink.accept(new SystemAction(READER_ACTOR, actorNames.get(READER_ACTOR), "CPU1",
                "load_unaligned_zeropad() from the last RAM page across into the hole after RAM: it faults", null),
                fault(s, READER_ACTOR, false));
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
            case REGISTERED -> x86 ? "region mapped shared" : "region registered with the TSM";
            case M_RAM -> "region's address is RAM";
            case M_POPULATED -> "reused page populated (confidential)";
            case READER -> "zeropad";
            case HOST_UNREGISTERED -> "host emulated an unregistered address";
            case CONFIDENTIAL_FORWARDED -> "confidential access forwarded";
            case REUSED_REGISTERED -> "reused while registered";
            case PENDING -> "pending fault";
            case PENDING_AT -> "fault at";
            case FORWARDED -> "forwarded to the host";
            case B_STATE -> "buffer";
            case B_DATA -> "buffer holds";
            case B_CALL -> "buffer call";
            case B_SERVICE -> "host's service";
            case B_HOST_READ -> "host read";
            case B_GOT -> "guest read";
            default -> "guest";
        };
    }

    @Override
    protected String valueText(int i, int v) {
        return switch (i) {
            case PC -> String.valueOf(v);
            case READER -> v == 0 ? "not yet" : Outcome.values()[v - 1].label;
            case CRASH -> v == 0 ? "alive" : "dead (" + Outcome.values()[v].label + ")";
            case PENDING -> v == 0 ? "none" : actorNames.get(v - 1);
            case PENDING_AT -> v == 0 ? "outside RAM" : "reused RAM";
            case FORWARDED -> v == 0 ? "no" : Outcome.values()[v - 1].label;
            case B_STATE -> SharedBuffer.STATES[v];
            case B_DATA -> SharedBuffer.CONTENTS[v];
            case B_CALL -> SharedBuffer.CALLS[v];
            case B_SERVICE -> SharedBuffer.SERVICE[v];
            case B_HOST_READ, B_GOT -> v == 0 ? "not yet" : SharedBuffer.CONTENTS[v - 1];
            default -> yesNo(v);
        };
    }

    @Override public String tag(Fields s) { return s.get(CRASH) == 0 ? null : Outcome.values()[s.get(CRASH)].label; }
    @Override public boolean isProgramActor(int actor) { return actor == GUEST; }
    @Override public int programSize() { return config.steps().size(); }
    @Override public int programPc(Fields s) { return s.get(PC); }
    @Override public String programStep(int pc) { return config.steps().get(pc).specName(); }
}
