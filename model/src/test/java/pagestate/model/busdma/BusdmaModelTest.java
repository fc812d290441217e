package pagestate.model.busdma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.Fields;
import pagestate.model.PropertyName;
import pagestate.model.cpu.SystemExplorer;

/** The rules of the busdma model (seed 003, bus_dma.c r1.56 + Hoexer's diff), and docs/model.md section 8, item 7 pinned. */
class BusdmaModelTest {

    static final List<DriverStep> CORRECT = List.of(DriverStep.LOAD, DriverStep.PREWRITE, DriverStep.START, DriverStep.WAIT,
            DriverStep.POSTREAD, DriverStep.READ, DriverStep.UNLOAD);

    static BusdmaModel model(LoadMode load, List<DriverStep> steps) {
        return new BusdmaConfig(2, load, "vio", steps, "disk", true, true).newModel();
    }

    static Fields driver(BusdmaModel m, Fields s, int steps) {
        for (int i = 0; i < steps; i++) s = SystemExplorer.step(m, s, BusdmaModel.DRIVER);
        return s;
    }

    @Test
    void prewriteCopiesEachOriginalIntoItsOwnBouncePage() {   // _bus_dmamap_sync PREWRITE: bcopy(ds_va, ds_bounce)
        BusdmaModel m = model(LoadMode.BOUNCE, CORRECT);
        Fields s = driver(m, m.initialState(), 2);
        assertEquals(BusdmaModel.drv(0), s.get(BusdmaModel.bounce(0)));
        assertEquals(BusdmaModel.drv(1), s.get(BusdmaModel.bounce(1)));
    }

    @Test
    void aMergedSegmentSyncsFromTheFirstChunksVirtualAddressOnward() {   // seed 003: ds_va of the first chunk, ds_len of both
        BusdmaModel m = model(LoadMode.COALESCING, CORRECT);
        Fields s = driver(m, m.initialState(), 2);
        assertEquals(BusdmaModel.drv(0), s.get(BusdmaModel.bounce(0)));
        assertEquals(BusdmaModel.NEIGHBOUR, s.get(BusdmaModel.bounce(1)));
    }

    @Test
    void aRawLoadHandsTheDeviceThePrivatePageAndSyncsNothing() {   // seed 003: bounce only when cpu_sev_guestmode
        BusdmaModel m = model(LoadMode.RAW, CORRECT);
        Fields s = driver(m, m.initialState(), 2);
        assertTrue(s.flag(BusdmaModel.GAVE_PRIVATE));
        assertEquals(BusdmaModel.ZERO, s.get(BusdmaModel.bounce(0)));
    }

    @Test
    void theDeviceReadsBeforeItWritesAChunkAndChunksInterleave() {
        BusdmaModel m = model(LoadMode.BOUNCE, CORRECT);
        Fields s = driver(m, m.initialState(), 3);  // load, prewrite, start
        List<String> a = SystemExplorer.actions(m, s);
        assertEquals(2, a.stream().filter(x -> x.contains("device reads")).count());
        assertEquals(0, a.stream().filter(x -> x.contains("device writes")).count());
    }

    @Test
    void postreadCopiesTheBouncePageBack() {   // _bus_dmamap_sync POSTREAD: bcopy(ds_bounce, ds_va)
        BusdmaModel m = model(LoadMode.BOUNCE, CORRECT);
        Fields s = driver(m, m.initialState(), 3);
        while (s.get(BusdmaModel.DEVICE) == 1) s = firstOf(m, s, BusdmaModel.DEVICE_ACTOR);
        s = driver(m, s, 3);  // wait, postread, read
        assertEquals(BusdmaModel.dev(0) + 1, s.get(BusdmaModel.drvRead(0)));
        assertEquals(BusdmaModel.dev(1) + 1, s.get(BusdmaModel.drvRead(1)));
    }

    private static Fields firstOf(BusdmaModel m, Fields s, int actor) {
        Fields[] out = {null};
        m.successors(s, (a, n) -> {
            if (a.actor() == actor && out[0] == null) out[0] = n;
        });
        return out[0];
    }

    @Test
    void domainMd87VerdictsAndStateCounts() {   // docs/model.md section 8, item 7 and the raw load of section 7
        record Row(String name, LoadMode load, List<DriverStep> steps, int states, boolean onlyBounce, boolean oneSegment,
                   boolean deviceReads, boolean driverReads) { }
        List<DriverStep> noPrewrite = CORRECT.stream().filter(d -> d != DriverStep.PREWRITE).toList();
        List<DriverStep> noPostread = CORRECT.stream().filter(d -> d != DriverStep.POSTREAD).toList();
        for (Row r : List.of(new Row("correct", LoadMode.BOUNCE, CORRECT, 16, true, true, true, true),
                new Row("no prewrite", LoadMode.BOUNCE, noPrewrite, 15, true, true, false, true),
                new Row("no postread", LoadMode.BOUNCE, noPostread, 15, true, true, true, false),
                new Row("coalescing", LoadMode.COALESCING, CORRECT, 16, true, false, false, false),
                new Row("raw", LoadMode.RAW, CORRECT, 16, false, true, false, false))) {
            SystemExplorer e = new SystemExplorer(model(r.load(), r.steps()));
            assertEquals(r.states(), e.size(), r.name());
            assertTrue(e.acyclic() && e.noDeadlocks() && e.encodingIsFaithful(), r.name());
            assertEquals(r.onlyBounce(), e.holds(PropertyName.DEVICE_SEES_ONLY_BOUNCE), r.name());
            assertEquals(r.oneSegment(), e.holds(PropertyName.BOUNCE_ONE_SEGMENT), r.name());
            assertEquals(r.deviceReads(), e.holds(PropertyName.DEVICE_READS_DRIVER_DATA), r.name());
            assertEquals(r.driverReads(), e.holds(PropertyName.DRIVER_READS_DEVICE_DATA), r.name());
        }
    }

    @Test
    void startingTheDeviceBeforePrewriteIsCaughtByInterleaving() {   // a user ordering: some interleavings are bad
        List<DriverStep> early = List.of(DriverStep.LOAD, DriverStep.START, DriverStep.PREWRITE, DriverStep.WAIT,
                DriverStep.POSTREAD, DriverStep.READ);
        SystemExplorer e = new SystemExplorer(model(LoadMode.BOUNCE, early));
        assertEquals(false, e.holds(PropertyName.DEVICE_READS_DRIVER_DATA));
    }
}
