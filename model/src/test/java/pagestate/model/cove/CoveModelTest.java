package pagestate.model.cove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.Fields;
import pagestate.model.PropertyName;
import pagestate.model.cpu.SystemExplorer;

/** The rules of the CoVE model (seed 001) and its x86 contrast, and docs/model.md section 8, item 8 pinned. */
class CoveModelTest {

    static CoveModel model(TsmMode mode, String words, boolean reader) {
        List<CoveStep> l = new ArrayList<>();
        for (String w : words.split(" ")) l.add(CoveStep.bySpecName(w).orElseThrow());
        return new CoveConfig(mode, "vm", l, reader ? "zp" : null).newModel();
    }

    /** One access by {@code actor}, then (while its fault is pending) the TSM's and the host's steps. */
    static Fields access(CoveModel m, Fields s, int actor) {
        s = SystemExplorer.step(m, s, actor);
        boolean x86 = m.config().mode() == TsmMode.X86_SHARED_BIT;
        for (int guard = 0; s.get(CoveModel.PENDING) != 0 && guard < 4; guard++) {
            int next = s.get(CoveModel.FORWARDED) != 0 ? CoveModel.HOST : x86 ? s.get(CoveModel.PENDING) - 1 : CoveModel.TSM;
            s = SystemExplorer.step(m, s, next);
        }
        assertEquals(0, s.get(CoveModel.PENDING), "the fault is resolved");
        return s;
    }

    static Fields zeropad(TsmMode mode) {
        CoveModel m = model(mode, "ioremap", true);
        return access(m, m.initialState(), CoveModel.READER_ACTOR);
    }

    @Test
    void aFaultWaitsForTheTsmOnItsOwnLaneAndTheHostOnItsOwn() {   // seed 001 (Patra: the TSM forwards faults)
        CoveModel m = model(TsmMode.REGISTRATION_ONLY, "ioremap mmio", false);
        Fields s = SystemExplorer.step(m, m.initialState(), CoveModel.GUEST);
        s = SystemExplorer.step(m, s, CoveModel.GUEST);
        assertEquals(CoveModel.GUEST + 1, s.get(CoveModel.PENDING), "the guest waits on its fault");
        List<pagestate.model.SystemAction> moves = new ArrayList<>();
        m.successors(s, (a, n) -> moves.add(a));
        assertEquals(List.of("TSM"), moves.stream().map(pagestate.model.SystemAction::lane).toList());
        Fields f = SystemExplorer.step(m, s, CoveModel.TSM);
        List<pagestate.model.SystemAction> host = new ArrayList<>();
        m.successors(f, (a, n) -> host.add(a));
        assertEquals(List.of("host"), host.stream().map(pagestate.model.SystemAction::lane).toList());
    }

    @Test
    void theRfcTsmForwardsAStrayLoadOutsideRamToTheHost() {   // seed 001 (Patra)
        Fields s = zeropad(TsmMode.UNREGISTERED_AS_MMIO);
        assertTrue(s.flag(CoveModel.HOST_UNREGISTERED));
        assertEquals(0, s.get(CoveModel.CRASH));
    }

    @Test
    void aRegistrationOnlyTsmReflectsItAndTheZeropadFixupRecovers() {   // seed 001 ("only ioremapped regions"), docs/model.md section 5
        Fields s = zeropad(TsmMode.REGISTRATION_ONLY);
        assertEquals(CoveModel.Outcome.FAULT_FIXUP.ordinal() + 1, s.get(CoveModel.READER));
        assertEquals(0, s.get(CoveModel.CRASH));
    }

    /** The zeropad's hole is not the device region: its registration does not cover the hole (seed 001). */
    static Fields zeropadWhileRegistered(TsmMode mode) {
        CoveModel m = model(mode, "ioremap", true);
        Fields registered = SystemExplorer.step(m, m.initialState(), CoveModel.GUEST);
        assertTrue(registered.flag(CoveModel.REGISTERED));
        return access(m, registered, CoveModel.READER_ACTOR);
    }

    @Test
    void aRegisteredDeviceRegionDoesNotMakeTheHoleAfterRamMmio() {   // seed 001 ("only ioremapped regions")
        Fields reflected = zeropadWhileRegistered(TsmMode.REGISTRATION_ONLY);
        assertEquals(CoveModel.Outcome.FAULT_FIXUP.ordinal() + 1, reflected.get(CoveModel.READER),
                "a registration-only TSM reflects the stray load; the fixup recovers it");
        Fields rfc = zeropadWhileRegistered(TsmMode.UNREGISTERED_AS_MMIO);
        assertEquals(CoveModel.Outcome.HOST_EMULATED_UNREGISTERED.ordinal() + 1, rfc.get(CoveModel.READER));
        assertTrue(rfc.flag(CoveModel.HOST_UNREGISTERED), "the RFC's TSM forwards an unregistered address");
        Fields x86 = zeropadWhileRegistered(TsmMode.X86_SHARED_BIT);
        assertEquals(CoveModel.Outcome.FAULT_FIXUP.ordinal() + 1, x86.get(CoveModel.READER));
    }

    @Test
    void mmioOutsideARegisteredRegionIsAnOopsUnderRegistrationOnly() {
        CoveModel m = model(TsmMode.REGISTRATION_ONLY, "mmio", false);
        assertEquals(CoveModel.Outcome.FAULT_OOPS.ordinal(), access(m, m.initialState(), CoveModel.GUEST).get(CoveModel.CRASH));
    }

    @Test
    void x86MmioGoesThroughVeAndAHypercall() {   // seed 001 (Hansen: #VE, hypercall, host fixes, IRET, retry)
        CoveModel m = model(TsmMode.X86_SHARED_BIT, "ioremap mmio", false);
        Fields faulted = SystemExplorer.step(m, SystemExplorer.step(m, m.initialState(), CoveModel.GUEST), CoveModel.GUEST);
        List<String> ve = SystemExplorer.actions(m, faulted);
        assertEquals(1, ve.size());
        assertTrue(ve.get(0).contains("#VE handler: hypercall"), ve.get(0));
        List<String> a = SystemExplorer.actions(m, SystemExplorer.step(m, faulted, CoveModel.GUEST));
        assertEquals(1, a.size());
        assertTrue(a.get(0).contains("ve_hypercall"), a.get(0));
    }

    @Test
    void theFirstTouchOfReusedRamInAStillRegisteredRegionIsForwarded() {   // docs/model.md section 7 (regions removed before reuse)
        CoveModel m = model(TsmMode.REGISTRATION_ONLY, "ioremap reuse write", false);
        Fields s = m.initialState();
        for (int i = 0; i < 3; i++) s = access(m, s, CoveModel.GUEST);
        assertTrue(s.flag(CoveModel.REUSED_REGISTERED));
        assertTrue(s.flag(CoveModel.CONFIDENTIAL_FORWARDED));
    }

    @Test
    void domainMd88VerdictsAndStateCounts() {   // docs/model.md section 8, item 8 and the reuse rule of section 7
        String full = "ioremap mmio iounmap reuse write read";
        record Row(String name, TsmMode mode, String words, int states, boolean fatal, boolean registered, boolean forwarded,
                   boolean removed) { }
        // counts since the hole after RAM is never registered (seed 001; docs/model.md section 7.2): 107 and 55 before
        for (Row r : List.of(new Row("rfc", TsmMode.UNREGISTERED_AS_MMIO, full, 88, true, false, true, true),
                new Row("registration-only", TsmMode.REGISTRATION_ONLY, full, 51, true, true, true, true),
                new Row("no iounmap", TsmMode.REGISTRATION_ONLY, "ioremap mmio reuse write read", 65, true, true, false, false),
                new Row("x86", TsmMode.X86_SHARED_BIT, full, 35, true, true, true, true))) {
            SystemExplorer x = new SystemExplorer(model(r.mode(), r.words(), true));
            assertEquals(r.states(), x.size(), r.name());
            assertTrue(x.acyclic() && x.noDeadlocks() && x.encodingIsFaithful(), r.name());
            assertEquals(r.fatal(), x.holds(PropertyName.NO_FATAL), r.name());
            assertEquals(r.registered(), x.holds(PropertyName.HOST_EMULATES_REGISTERED_ONLY), r.name());
            assertEquals(r.forwarded(), x.holds(PropertyName.CONFIDENTIAL_NEVER_FORWARDED), r.name());
            assertEquals(r.removed(), x.holds(PropertyName.REGION_REMOVED_BEFORE_REUSE), r.name());
        }
    }

    /** One guest step and, when it is a share or unshare call, the TSM's and the host's steps that complete it. */
    static Fields guestStep(CoveModel m, Fields s) {
        s = SystemExplorer.step(m, s, CoveModel.GUEST);
        for (int guard = 0; s.get(CoveModel.B_CALL) != SharedBuffer.NO_CALL && guard < 2; guard++) {
            int call = s.get(CoveModel.B_CALL);
            s = SystemExplorer.step(m, s, call == SharedBuffer.SHARE_AT_TSM || call == SharedBuffer.UNSHARE_AT_TSM ? CoveModel.TSM : CoveModel.HOST);
        }
        assertEquals(SharedBuffer.NO_CALL, s.get(CoveModel.B_CALL), "the call returned");
        return s;
    }

    /** The lanes of the actions enabled in {@code s}. */
    static List<String> lanes(CoveModel m, Fields s) {
        List<String> l = new ArrayList<>();
        m.successors(s, (a, n) -> l.add(a.lane()));
        return l;
    }

    @Test
    void shareGoesToTheTsmWhichHandsItToTheHostWhileTheGuestWaits() {   // CoVE spec COVG 12.3; vcpu_sbi_covg.c
        CoveModel m = model(TsmMode.REGISTRATION_ONLY, "share put", false);
        Fields s = SystemExplorer.step(m, m.initialState(), CoveModel.GUEST);
        assertEquals(SharedBuffer.SHARE_AT_TSM, s.get(CoveModel.B_CALL));
        assertEquals(List.of("TSM"), lanes(m, s), "the guest is in the call");
        s = SystemExplorer.step(m, s, CoveModel.TSM);
        assertEquals(List.of("host"), lanes(m, s));
        s = SystemExplorer.step(m, s, CoveModel.HOST);
        assertEquals(SharedBuffer.SHARED, s.get(CoveModel.B_STATE));
        assertEquals(SharedBuffer.STALE, s.get(CoveModel.B_DATA), "the host's page backs the GPA now");
        assertEquals(List.of("CPU0"), lanes(m, s), "the guest resumes");
    }

    @Test
    void onX86TheHypercallGoesStraightToTheHost() {   // tdx.c MapGPA: no TSM in between
        CoveModel m = model(TsmMode.X86_SHARED_BIT, "share", false);
        Fields s = SystemExplorer.step(m, m.initialState(), CoveModel.GUEST);
        assertEquals(SharedBuffer.SHARE_AT_HOST, s.get(CoveModel.B_CALL));
        assertEquals(List.of("host"), lanes(m, s));
    }

    @Test
    void whatTheGuestWroteBeforeTheShareIsGoneWithTheConfidentialPage() {   // vcpu_sbi_covg.c cove_share_converted_page()
        CoveModel m = model(TsmMode.REGISTRATION_ONLY, "put share kick", false);
        Fields s = m.initialState();
        for (int i = 0; i < 3; i++) s = guestStep(m, s);
        assertEquals(SharedBuffer.STALE, s.get(CoveModel.B_DATA));
        s = SystemExplorer.step(m, s, CoveModel.HOST);
        assertEquals(SharedBuffer.STALE + 1, s.get(CoveModel.B_HOST_READ));
        assertFalse(m.property(PropertyName.HOST_READS_AFTER_SHARE).holds().test(s));
    }

    @Test
    void theHostCannotReachABufferThatIsNotShared() {   // the confidential page is out of the host's reach
        CoveModel m = model(TsmMode.REGISTRATION_ONLY, "put kick", false);
        Fields s = SystemExplorer.step(m, SystemExplorer.step(m, m.initialState(), CoveModel.GUEST), CoveModel.GUEST);
        s = SystemExplorer.step(m, s, CoveModel.HOST);
        assertEquals(SharedBuffer.STALE + 1, s.get(CoveModel.B_HOST_READ));
        assertEquals(SharedBuffer.MESSAGE, s.get(CoveModel.B_DATA), "its answer goes to its own page");
    }

    @Test
    void afterUnshareTheFirstTouchReadsAFreshZeroPage() {   // vcpu_sbi_covg.c unshare; sbi_covh_add_zero_pages(); x86: ACCEPT zeroes
        for (TsmMode mode : TsmMode.values()) {
            CoveModel m = model(mode, "share put unshare", false);
            Fields s = m.initialState();
            for (int i = 0; i < 3; i++) s = guestStep(m, s);
            assertEquals(mode == TsmMode.X86_SHARED_BIT ? SharedBuffer.CONFIDENTIAL : SharedBuffer.UNPOPULATED,
                    s.get(CoveModel.B_STATE), mode.specName());
            assertEquals(SharedBuffer.ZERO, s.get(CoveModel.B_DATA), mode.specName());
        }
        CoveModel m = model(TsmMode.REGISTRATION_ONLY, "share unshare get", false);
        Fields s = m.initialState();
        for (int i = 0; i < 3; i++) s = guestStep(m, s);
        assertEquals(SharedBuffer.CONFIDENTIAL, s.get(CoveModel.B_STATE), "populated by the first touch");
        assertEquals(SharedBuffer.ZERO + 1, s.get(CoveModel.B_GOT));
    }

    @Test
    void shareAndUnshareOrderingsPinned() {   // docs/model.md section 7; the catalogue's cove-share-unshare family
        record Row(TsmMode mode, String words, int states, boolean afterShare, boolean beforeUnshare) { }
        TsmMode cove = TsmMode.REGISTRATION_ONLY;
        TsmMode x86 = TsmMode.X86_SHARED_BIT;
        for (Row r : List.of(new Row(cove, "share put kick wait get unshare", 12, true, true),
                new Row(cove, "put share kick wait get unshare", 12, false, true),
                new Row(cove, "share put kick wait unshare get", 12, true, false),
                new Row(cove, "share put kick get unshare", 20, false, false),   // no wait: the host may serve after the unshare
                new Row(TsmMode.UNREGISTERED_AS_MMIO, "share put kick wait get unshare", 12, true, true),
                new Row(x86, "share put kick wait get unshare", 10, true, true),
                new Row(x86, "put share kick wait get unshare", 10, false, true),
                new Row(x86, "share put kick wait unshare get", 10, true, false))) {
            String name = r.mode().specName() + " " + r.words();
            SystemExplorer x = new SystemExplorer(model(r.mode(), r.words(), false));
            assertEquals(r.states(), x.size(), name);
            assertTrue(x.acyclic() && x.noDeadlocks() && x.encodingIsFaithful(), name);
            assertEquals(r.afterShare(), x.holds(PropertyName.HOST_READS_AFTER_SHARE), name);
            assertEquals(r.beforeUnshare(), x.holds(PropertyName.GUEST_READS_BEFORE_UNSHARE), name);
            assertTrue(x.holds(PropertyName.NO_FATAL) && x.holds(PropertyName.CONFIDENTIAL_NEVER_FORWARDED), name);
        }
    }
}
