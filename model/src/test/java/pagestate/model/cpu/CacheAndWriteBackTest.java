package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static pagestate.model.cpu.Attribute.PRIVATE;
import static pagestate.model.cpu.Attribute.SHARED;
import static pagestate.model.cpu.Mapping.DIRECT;

import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.cpu.Moves.Move;

/**
 * Cache lines by key, writes, write-back and poison (docs/model.md section 4: a read through a mapping may
 * fill a clean line with that mapping's key; a write makes it dirty. ... Writing back a line whose key no
 * longer matches the page's state corrupts the page).
 */
class CacheAndWriteBackTest {

    @Test
    void privateReadOfPoisonRaisesMachineCheck() {
        // TDX integrity: a private read of a poisoned line raises #MC (docs/model.md section 4)
        Move m = AccessProbe.load(Build.on(Platform.TDX), 1, PRIVATE, HvPage.TDX_ACCEPTED, Content.POISON);
        assertEquals(Cause.MC_POISON, m.outcome());
        assertEquals(Cause.MC_POISON, m.next().crash());
    }

    @Test
    void sharedReadOfPoisonedSharedPageIsNoMachineCheck() {
        // only a private read consumes the integrity-checked line
        Move m = AccessProbe.load(Build.on(Platform.TDX), 1, SHARED, HvPage.TDX_SHARED, Content.POISON);
        assertEquals(Cause.OK, m.outcome());
    }

    @Test
    void writeMakesADirtyLineWithTheTranslationsKey() {
        // the owner's write goes through CPU0's stale shared TLB entry (SDM 4.10.2.3), not the private PTE:
        // the dirty line carries the shared key
        PageModel model = Build.on(Platform.TDX).owner(0, Direction.TO_SHARED, "flush_tlb", 1).model();
        PageState s = model.initialState().edit().hv(1, HvPage.TDX_SHARED).contents(1, Content.HOST_DATA)
                .tlb(0, DIRECT, 1, TlbEntry.SHARED).done();
        Move m = Moves.converter(model, s, 0);
        assertEquals(Cause.OK, m.outcome());
        PageState expected = s.edit().contents(1, Content.SECRET).cache(1, CacheLines.EMPTY.with(SHARED, Line.DIRTY))
                .converter(0, new ConverterState(1, ConverterState.Status.RUNNING, Cause.OK)).done();
        assertEquals(expected, m.next());
    }

    @Test
    void writeOverACleanLineDirtiesIt() {
        // docs/model.md section 4: a write makes the line dirty
        PageModel model = Build.on(Platform.SNP).owner(0, Direction.TO_SHARED, "flush_tlb", 1).model();
        PageState s = model.initialState().edit().cache(1, CacheLines.EMPTY.with(PRIVATE, Line.CLEAN)).done();
        Move m = Moves.converter(model, s, 0);
        assertEquals(new CacheLines(Line.DIRTY, Line.NONE), m.next().cache(1));
    }

    /** The one hardware write-back of page 1's {@code key} line, from a state with that line dirty. */
    private static PageState writeBack(Build b, HvPage hv, Attribute key, Line line, Content before) {
        PageModel model = b.hardware(HardwareAction.WRITEBACK).model();
        PageState s = model.initialState().edit().hv(1, hv).contents(1, before)
                .cache(1, CacheLines.EMPTY.with(key, line)).done();
        List<Move> ms = Moves.hardware(model, s);
        assertEquals(1, ms.size(), ms::toString);
        assertEquals(CacheLines.EMPTY, ms.get(0).next().cache(1), "the line is gone");
        assertEquals(Cause.OK, ms.get(0).outcome());
        return ms.get(0).next();
    }

    @Test
    void tdxWriteBackOfMismatchedDirtyLinePoisonsThePage() {
        // TDX: different HKIDs; a stale private-key dirty line written back poisons (writeback_mismatch poison)
        PageState n = writeBack(Build.on(Platform.TDX), HvPage.TDX_SHARED, PRIVATE, Line.DIRTY, Content.HOST_DATA);
        assertEquals(Content.POISON, n.contents(1));
        n = writeBack(Build.on(Platform.TDX), HvPage.TDX_PENDING, SHARED, Line.DIRTY, Content.GARBAGE);
        assertEquals(Content.POISON, n.contents(1));
    }

    @Test
    void tdxWriteBackOfMismatchedDirtyLineLeavesGarbageWithOptionGarbage() {
        // docs/model.md section 4: the exact TDX write-back outcome is unconfirmed, so it is an option
        PageState n = writeBack(Build.on(Platform.TDX).option(Options.Option.WRITEBACK_MISMATCH, "garbage"),
                HvPage.TDX_SHARED, PRIVATE, Line.DIRTY, Content.HOST_DATA);
        assertEquals(Content.GARBAGE, n.contents(1));
    }

    @Test
    void writeBackOfMatchingDirtyLineIsHarmless() {
        // docs/model.md section 4: only a line whose key no longer matches the page corrupts it
        PageState n = writeBack(Build.on(Platform.TDX), HvPage.TDX_ACCEPTED, PRIVATE, Line.DIRTY, Content.SECRET);
        assertEquals(Content.SECRET, n.contents(1));
    }

    @Test
    void evictionOfMismatchedCleanLineIsHarmless() {
        // docs/model.md section 4: only a dirty line is written back; a clean one is dropped
        PageState n = writeBack(Build.on(Platform.TDX), HvPage.TDX_SHARED, PRIVATE, Line.CLEAN, Content.HOST_DATA);
        assertEquals(Content.HOST_DATA, n.contents(1));
    }

    @Test
    void snpWriteBackOfMismatchedDirtyLineLeavesGarbageWithoutSmeCoherent() {
        // AMD APM Vol. 2 7.10.6: without SME_COHERENT the page is left holding garbage
        assertEquals(Content.GARBAGE,
                writeBack(Build.on(Platform.SNP), HvPage.SNP_HV_OWNED, PRIVATE, Line.DIRTY, Content.HOST_DATA).contents(1));
        assertEquals(Content.GARBAGE,
                writeBack(Build.on(Platform.SNP), HvPage.SNP_VALIDATED, SHARED, Line.DIRTY, Content.SECRET).contents(1));
    }

    @Test
    void snpWriteBackOfMismatchedDirtyLineIsHarmlessWithSmeCoherent() {
        // X86_FEATURE_SME_COHERENT (mem_encrypt_amd.c): the lines of both keys are coherent
        Build b = Build.on(Platform.SNP).option(Options.Option.SME_COHERENT, "on");
        assertEquals(Content.HOST_DATA, writeBack(b, HvPage.SNP_HV_OWNED, PRIVATE, Line.DIRTY, Content.HOST_DATA).contents(1));
    }

    @Test
    void vtomWriteBackOfMismatchedDirtyLineIsHarmless() {
        // ivm.c: hv_vtom_cache_flush_required() is false; caches are coherent across the alias
        assertEquals(Content.HOST_DATA, writeBack(Build.on(Platform.VTOM), HvPage.VTOM_HOST_VISIBLE, PRIVATE,
                Line.DIRTY, Content.HOST_DATA).contents(1));
    }
}
