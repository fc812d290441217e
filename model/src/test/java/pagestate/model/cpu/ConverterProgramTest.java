package pagestate.model.cpu;

import pagestate.model.PropertyName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.cpu.ConverterProgram.Op;
import pagestate.model.cpu.Moves.Move;

/** The converter thread's flattened program and the owner's accesses around the conversion. */
class ConverterProgramTest {

    private static List<Op.Kind> kinds(ConverterProgram p) {
        return p.ops().stream().map(Op::kind).toList();
    }

    @Test
    void ownerToSharedWritesItsSecretBeforeAndHostDataAfter() {
        // a private page holds the owner's secret; once shared it is an I/O buffer with data for the host
        PageModel m = Build.on(Platform.TDX).owner(0, Direction.TO_SHARED, "flip flush_tlb map_gpa", 1).model();
        ConverterProgram p = m.programs().get(0);
        assertEquals(List.of(Op.Kind.OWNER_WRITE, Op.Kind.STEP, Op.Kind.STEP, Op.Kind.STEP, Op.Kind.OWNER_WRITE), kinds(p));
        assertEquals(Content.SECRET, p.ops().get(0).value());
        assertEquals(Content.HOST_DATA, p.ops().get(4).value());
        assertEquals(5, p.reuseIndex());
        assertEquals(Attribute.SHARED, p.finalAttribute());
    }

    @Test
    void ownerToPrivateWritesHostDataBeforeAndWritesAndReadsItsSecretAfter() {
        // docs/model.md section 6: the guest never consumes garbage as private data, so the owner reads back
        PageModel m = Build.on(Platform.SNP).owner(0, Direction.TO_PRIVATE, "psc pvalidate flip", 1).model();
        ConverterProgram p = m.programs().get(0);
        assertEquals(List.of(Op.Kind.OWNER_WRITE, Op.Kind.STEP, Op.Kind.STEP, Op.Kind.STEP, Op.Kind.OWNER_WRITE,
                Op.Kind.OWNER_READ), kinds(p));
        assertEquals(Content.HOST_DATA, p.ops().get(0).value());
        assertEquals(Content.SECRET, p.ops().get(4).value());
        assertEquals(Attribute.PRIVATE, p.finalAttribute());
    }

    @Test
    void converterIsDoneAfterItsLastOperation() {
        // docs/model.md section 6 liveness: a conversion completes when its last step has run
        PageModel m = Build.on(Platform.VTOM).converter(0, Direction.TO_SHARED, "flip flush_tlb", 1).model();
        Move first = Moves.converter(m, m.initialState(), 0);
        assertEquals(new ConverterState(1, ConverterState.Status.RUNNING, Cause.OK), first.next().converter(0));
        Move second = Moves.converter(m, first.next(), 0);
        assertEquals(new ConverterState(2, ConverterState.Status.DONE, Cause.OK), second.next().converter(0));
        assertEquals(List.of(), Moves.converterMoves(m, second.next(), 0));
    }

    @Test
    void ownerReadOfAnythingButItsSecretConsumesGarbage() {
        // docs/model.md section 6: the guest never consumes garbage or poison (or host data) as private data
        PageModel m = Build.on(Platform.TDX).owner(0, Direction.TO_PRIVATE, "accept", 1).model();
        int read = m.programs().get(0).size() - 1;
        for (Content c : new Content[] {Content.GARBAGE, Content.HOST_DATA, Content.ZERO}) {
            PageState s = m.initialState().edit().hv(1, HvPage.TDX_ACCEPTED).contents(1, c)
                    .pte(Mapping.DIRECT, 1, new Pte(true, Attribute.PRIVATE)).tlb(0, Mapping.DIRECT, 1, TlbEntry.PRIVATE)
                    .converter(0, new ConverterState(read, ConverterState.Status.RUNNING, Cause.OK)).done();
            Move mv = Moves.converter(m, s, 0);
            assertEquals(Cause.GARBAGE_CONSUMED, mv.outcome(), c.name());
            assertFalse(mv.next().crashed());
            assertFalse(m.property(PropertyName.NO_GARBAGE_CONSUMED).holds().test(mv.next()));
            assertEquals(ConverterState.Status.DONE, mv.next().converter(0).status());
        }
        PageState ok = m.initialState().edit().hv(1, HvPage.TDX_ACCEPTED).contents(1, Content.SECRET)
                .pte(Mapping.DIRECT, 1, new Pte(true, Attribute.PRIVATE)).tlb(0, Mapping.DIRECT, 1, TlbEntry.PRIVATE)
                .converter(0, new ConverterState(read, ConverterState.Status.RUNNING, Cause.OK)).done();
        assertEquals(Cause.OK, Moves.converter(m, ok, 0).outcome());
    }

    @Test
    void ownerReadOfPoisonIsAMachineCheck() {
        // docs/model.md section 4: a later private read of a poisoned line raises #MC
        PageModel m = Build.on(Platform.TDX).owner(0, Direction.TO_PRIVATE, "accept", 1).model();
        int read = m.programs().get(0).size() - 1;
        PageState s = m.initialState().edit().hv(1, HvPage.TDX_ACCEPTED).contents(1, Content.POISON)
                .pte(Mapping.DIRECT, 1, new Pte(true, Attribute.PRIVATE)).tlb(0, Mapping.DIRECT, 1, TlbEntry.PRIVATE)
                .converter(0, new ConverterState(read, ConverterState.Status.RUNNING, Cause.OK)).done();
        assertEquals(Cause.MC_POISON, Moves.converter(m, s, 0).next().crash());
    }
}
