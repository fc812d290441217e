package pagestate.model.cove;

import static pagestate.model.cove.CoveModel.GUEST;
import static pagestate.model.cove.CoveModel.HOST;
import static pagestate.model.cove.CoveModel.TSM;

import java.util.function.BiConsumer;
import pagestate.model.Fields;
import pagestate.model.SystemAction;

/**
 * The guest's shared buffer B (a page of RAM, e.g. the SBI console's bounce buffer or a virtio ring): the
 * guest's share/unshare calls and its exchange with the host through it (docs/model.md section 7).
 *
 * <p>CoVE (RISC-V AP-TEE CoVE spec, COVG 12.3 and 12.4; the guest's set_memory_decrypted() and
 * set_memory_encrypted() are sbi_covg_share_memory() and sbi_covg_unshare_memory(),
 * arch/riscv/mm/mem_encrypt.c in rivosinc/linux at 83b373362a96): the call goes to the TSM (its step),
 * which hands the conversion to the host (arch/riscv/kvm/vcpu_sbi_covg.c at 45a84d2c7936: the handler
 * "is only meant for handling calls from TSM"); the host converts (its step: invalidate, fence, remove
 * the confidential page and reclaim it on share; invalidate, fence, remove the shared page on unshare)
 * and the guest resumes. After share the GPA is backed by the host's page: what the guest wrote before
 * is gone with the confidential page. After unshare it is confidential and unpopulated: the first touch
 * faults and the host adds a zero page (sbi_covh_add_zero_pages()). x86 (TDX): set_memory_decrypted()'s
 * MapGPA goes to the VMM directly; set_memory_encrypted() ends with ACCEPT, which zeroes the page
 * (docs/model.md section 4).
 *
 * <p>The host serves the buffer when the guest kicks it: it reads what the buffer holds for it and
 * writes its answer; a buffer that is not shared is out of its reach (it reads and writes its own page).
 */
final class SharedBuffer {

    // B's state
    static final int CONFIDENTIAL = 0;
    static final int SHARED = 1;
    static final int UNPOPULATED = 2;
    static final String[] STATES = {"confidential", "shared", "confidential, unpopulated"};
    // B's contents
    static final int ZERO = 0;
    static final int MESSAGE = 1;
    static final int ANSWER = 2;
    static final int STALE = 3;
    static final String[] CONTENTS = {"zeroes", "the guest's message", "the host's answer", "the host page's old bytes"};
    // the call in progress
    static final int NO_CALL = 0;
    static final int SHARE_AT_TSM = 1;
    static final int SHARE_AT_HOST = 2;
    static final int UNSHARE_AT_TSM = 3;
    static final int UNSHARE_AT_HOST = 4;
    static final String[] CALLS = {"none", "share (at the TSM)", "share (at the host)", "unshare (at the TSM)", "unshare (at the host)"};
    // the host's service
    static final int IDLE = 0;
    static final int KICKED = 1;
    static final int SERVED = 2;
    static final String[] SERVICE = {"idle", "kicked", "served"};

    private final CoveModel model;
    private final boolean x86;

    SharedBuffer(CoveModel model, boolean x86) {
        this.model = model;
        this.x86 = x86;
    }

    /** The guest's step on B, or null when {@code step} is not one (false: the guest waits). */
    Boolean guest(Fields s, Fields x, CoveStep step, BiConsumer<SystemAction, Fields> sink) {
        String what;
        switch (step) {
            case SHARE -> {
                x = x.with(CoveModel.B_CALL, x86 ? SHARE_AT_HOST : SHARE_AT_TSM);
                what = x86 ? "set_memory_decrypted(): TDG.VP.VMCALL<MapGPA> (shared) on the buffer" : "sbi_covg_share_memory() on the buffer";
            }
            case UNSHARE -> {
                x = x.with(CoveModel.B_CALL, x86 ? UNSHARE_AT_HOST : UNSHARE_AT_TSM);
                what = x86 ? "set_memory_encrypted(): TDG.VP.VMCALL<MapGPA> (private) on the buffer"
                        : "sbi_covg_unshare_memory() on the buffer";
            }
            case PUT -> {
                what = "write a message for the host into the buffer" + touch(s);
                x = x.with(CoveModel.B_STATE, populated(s)).with(CoveModel.B_DATA, MESSAGE);
            }
            case GET -> {
                int value = s.get(CoveModel.B_STATE) == UNPOPULATED ? ZERO : s.get(CoveModel.B_DATA);
                what = "read the host's answer from the buffer" + touch(s) + ": " + CONTENTS[value];
                x = x.with(CoveModel.B_STATE, populated(s)).with(CoveModel.B_GOT, value + 1);
            }
            case KICK -> {
                if (s.get(CoveModel.B_SERVICE) == IDLE) x = x.with(CoveModel.B_SERVICE, KICKED);
                what = "ask the host to serve the buffer";
            }
            case WAIT_HOST -> {
                if (s.get(CoveModel.B_SERVICE) == KICKED) return false;
                what = "wait for the host's answer";
            }
            default -> {
                return null;
            }
        }
        sink.accept(new SystemAction(GUEST, model.actorNames().get(GUEST), "CPU0", what, null), x);
        return true;
    }

    /** A guest access to an unpopulated confidential page faults; the host adds a zero page and it completes. */
    private String touch(Fields s) {
        return s.get(CoveModel.B_STATE) == UNPOPULATED ? " (first touch: the fault has the host add a confidential zero page)" : "";
    }

    private static int populated(Fields s) {
        return s.get(CoveModel.B_STATE) == UNPOPULATED ? CONFIDENTIAL : s.get(CoveModel.B_STATE);
    }

    /** CoVE: the TSM takes the guest's share or unshare call and hands the conversion to the host. */
    void tsm(Fields s, BiConsumer<SystemAction, Fields> sink) {
        int call = s.get(CoveModel.B_CALL);
        if (call != SHARE_AT_TSM && call != UNSHARE_AT_TSM) return;
        sink.accept(new SystemAction(TSM, model.actorNames().get(TSM), "TSM", "TSM hands the " + (call == SHARE_AT_TSM ? "share" : "unshare")
                + " of the buffer to the host", null), s.with(CoveModel.B_CALL, call + 1));
    }

    /** The host converts the buffer and the guest resumes; and it serves the buffer once kicked. */
    void host(Fields s, BiConsumer<SystemAction, Fields> sink) {
        int call = s.get(CoveModel.B_CALL);
        String host = model.actorNames().get(HOST);
        if (call == SHARE_AT_HOST) {
            Fields x = s.with(CoveModel.B_CALL, NO_CALL);
            if (s.get(CoveModel.B_STATE) != SHARED) x = x.with(CoveModel.B_STATE, SHARED).with(CoveModel.B_DATA, STALE);
            sink.accept(new SystemAction(HOST, host, "host", x86 ? "VMM maps the buffer's GPA shared: its own page backs it"
                    : "host removes the confidential page (invalidate, fence, remove, reclaim); its own page backs the GPA", null), x);
        } else if (call == UNSHARE_AT_HOST) {
            Fields x = s.with(CoveModel.B_CALL, NO_CALL);
            if (s.get(CoveModel.B_STATE) == SHARED) {
                x = x.with(CoveModel.B_STATE, x86 ? CONFIDENTIAL : UNPOPULATED).with(CoveModel.B_DATA, ZERO);
            }
            sink.accept(new SystemAction(HOST, host, "host", x86 ? "VMM maps the buffer's GPA private; the guest accepts it (zeroed)"
                    : "host removes its page from the buffer's GPA (invalidate, fence, remove): confidential, unpopulated", null), x);
        }
        if (s.get(CoveModel.B_SERVICE) == KICKED) {
            boolean shared = s.get(CoveModel.B_STATE) == SHARED;
            int read = shared ? s.get(CoveModel.B_DATA) : STALE;
            Fields x = s.with(CoveModel.B_SERVICE, SERVED).with(CoveModel.B_HOST_READ, read + 1);
            if (shared) x = x.with(CoveModel.B_DATA, ANSWER);
            sink.accept(new SystemAction(HOST, host, "host", "host reads the buffer (" + CONTENTS[read] + ") and writes its answer"
                    + (shared ? "" : " (into its own page: the buffer is not shared)"), null,
                    "host reads the buffer and writes its answer"), x);
        }
    }

    /** Whether the host still has to act on B (a call it must complete, a kick it must serve). */
    static boolean busy(Fields s) {
        return s.get(CoveModel.B_CALL) != NO_CALL || s.get(CoveModel.B_SERVICE) == KICKED;
    }
}
