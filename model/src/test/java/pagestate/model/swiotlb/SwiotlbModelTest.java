package pagestate.model.swiotlb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.Fields;
import pagestate.model.PropertyName;
import pagestate.model.cpu.SystemExplorer;

/** The rules of the vTOM swiotlb model (seed 000, domain.md 5 vTOM), and the designs' verdicts pinned. */
class SwiotlbModelTest {

    static List<SwiotlbStep> steps(String words) {
        List<SwiotlbStep> l = new ArrayList<>();
        for (String w : words.split(" ")) l.add(SwiotlbStep.bySpecName(w).orElseThrow());
        return l;
    }

    static final String DMA = " map start wait sync_for_cpu read";

    static SwiotlbModel model(Encryption e, String words, boolean reader) {
        return new SwiotlbConfig(e, "boot", steps(words), reader ? "zp" : null, "nic").newModel();
    }

    @Test
    void aPrivateAliasAccessToAHostVisiblePageIsAFatalVc() {   // domain.md 5 vTOM; 7 (no private-alias access)
        SwiotlbModel m = model(Encryption.VTOM, "hv_visibility", true);
        Fields s = SystemExplorer.step(m, m.initialState(), SwiotlbModel.GUEST);
        s = SystemExplorer.step(m, s, SwiotlbModel.READER_ACTOR);
        assertTrue(s.flag(SwiotlbModel.PRIVATE_ALIAS));
        assertEquals(SwiotlbModel.Outcome.PRIVATE_ALIAS_VC.ordinal(), s.get(SwiotlbModel.CRASH));
    }

    @Test
    void aSharedAliasAccessBeforeTheHypercallIsAFatalVc() {   // domain.md 5 vTOM, 8.4
        SwiotlbModel m = model(Encryption.VTOM, "flip", true);
        Fields s = SystemExplorer.step(m, SystemExplorer.step(m, m.initialState(), SwiotlbModel.GUEST), SwiotlbModel.READER_ACTOR);
        assertEquals(SwiotlbModel.Outcome.SHARED_ALIAS_VC.ordinal(), s.get(SwiotlbModel.CRASH));
    }

    @Test
    void aZeropadThroughANotPresentPteIsFixedUp() {   // domain.md 5, all platforms
        SwiotlbModel m = model(Encryption.VTOM, "clear_present", true);
        Fields s = SystemExplorer.step(m, SystemExplorer.step(m, m.initialState(), SwiotlbModel.GUEST), SwiotlbModel.READER_ACTOR);
        assertEquals(0, s.get(SwiotlbModel.CRASH));
        assertEquals(SwiotlbModel.Outcome.PF_FIXUP.ordinal() + 1, s.get(SwiotlbModel.READER));
    }

    @Test
    void swiotlbCopiesThroughTheAliasAboveVtomOnceRemapped() {   // seed 000 (swiotlb_unencrypted_base)
        SwiotlbModel m = model(Encryption.VTOM, "hv_visibility remap map", false);
        Fields s = m.initialState();
        for (int i = 0; i < 3; i++) s = SystemExplorer.step(m, s, SwiotlbModel.GUEST);
        assertEquals(0, s.get(SwiotlbModel.CRASH));
        assertEquals(SwiotlbModel.DRIVER_DATA, s.get(SwiotlbModel.SLOT));
    }

    @Test
    void theDeviceSeesCiphertextOfAPageThatIsNotHostVisible() {
        SwiotlbModel m = model(Encryption.VTOM, "map start", false);
        Fields s = SystemExplorer.step(m, SystemExplorer.step(m, m.initialState(), SwiotlbModel.GUEST), SwiotlbModel.GUEST);
        s = SystemExplorer.step(m, s, SwiotlbModel.DEVICE_ACTOR);
        assertEquals(SwiotlbModel.GARBAGE + 1, s.get(SwiotlbModel.DEV_READ));
    }

    @Test
    void designsVerdictsAndStateCounts() {   // domain.md 7 and 8.4/8.5 carried over to the pool
        record Row(String name, Encryption e, String words, boolean reader, int states, boolean fatal, boolean alias,
                   boolean copy, boolean sync, boolean cbit) { }
        for (Row r : List.of(
                new Row("pre-v6.4 remap", Encryption.VTOM, "hv_visibility remap" + DMA, true, 29, false, false, true, true, true),
                new Row("v6.4 decrypted", Encryption.VTOM, "flip hv_visibility" + DMA, true, 21, false, true, true, true, true),
                new Row("v6.9", Encryption.VTOM, "clear_present flip hv_visibility set_present" + DMA, true, 35, true, true, true, true, true),
                new Row("start before copy", Encryption.VTOM, "clear_present flip hv_visibility set_present start map wait sync_for_cpu read",
                        false, 23, true, true, false, false, true),
                new Row("read before sync", Encryption.VTOM, "clear_present flip hv_visibility set_present map start wait read sync_for_cpu",
                        false, 12, true, true, true, false, true),
                new Row("sme_me_mask", Encryption.C_BIT, "clear_present flip hv_visibility set_present" + DMA, false, 12, true, true, true, true, false))) {
            SystemExplorer x = new SystemExplorer(model(r.e(), r.words(), r.reader()));
            assertEquals(r.states(), x.size(), r.name());
            assertTrue(x.acyclic() && x.noDeadlocks() && x.encodingIsFaithful(), r.name());
            assertEquals(r.fatal(), x.holds(PropertyName.NO_FATAL), r.name());
            assertEquals(r.alias(), x.holds(PropertyName.NO_PRIVATE_ALIAS_ACCESS), r.name());
            assertEquals(r.copy(), x.holds(PropertyName.DEVICE_READS_AFTER_COPY), r.name());
            assertEquals(r.sync(), x.holds(PropertyName.CPU_READS_AFTER_SYNC), r.name());
            assertEquals(r.cbit(), x.holds(PropertyName.C_BIT_ZERO), r.name());
        }
    }
}
