package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import pagestate.model.cpu.Moves.Move;

/**
 * One zeropad load on CPU0 from page 0 across into page 1, with one page set up: the CPU's translation of
 * it (TLB entry and present PTE) and its platform state. Page 0 is the load's first page (an ordinary
 * kernel access), page 1 its second page (where the fixups apply).
 */
final class AccessProbe {

    private AccessProbe() { }

    static PageState setUp(PageModel model, int page, Attribute attr, HvPage hv, Content contents) {
        return model.initialState().edit()
                .pte(Mapping.DIRECT, page, new Pte(true, attr))
                .tlb(0, Mapping.DIRECT, page, TlbEntry.cached(attr))
                .hv(page, hv).contents(page, contents).done();
    }

    static Move load(Build build, int page, Attribute attr, HvPage hv) {
        return load(build, page, attr, hv, attr == Attribute.PRIVATE ? Content.SECRET : Content.HOST_DATA);
    }

    /** The zeropad's move; also checks that its outcome is recorded and ends the guest exactly when fatal. */
    static Move load(Build build, int page, Attribute attr, HvPage hv, Content contents) {
        PageModel model = build.reader(0, 0).model();
        Move m = Moves.reader(model, setUp(model, page, attr, hv, contents), 0);
        assertEquals(new ReaderState(true, m.outcome()), m.next().reader(0));
        if (m.outcome().isFatal()) {
            assertEquals(m.outcome(), m.next().crash());
        } else {
            assertNull(m.next().crash());
        }
        if (m.outcome() != Cause.OK) {
            assertEquals(true, m.next().happened(m.outcome()));
        } else {
            // an ok access records nothing, unless the SNP host converted the page behind it
            assertEquals(0, m.next().events() & ~(1 << Cause.IMPLICIT_CONVERSION.ordinal()));
        }
        return m;
    }

    static void assertNoCrash(Move m) {
        assertFalse(m.next().crashed());
    }
}
