package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Pins the platform tables of docs/model.md section 5 over every reachable zeropad load of small scenarios:
 * each load's outcome must be what an independent statement of the tables gives from the state before it.
 */
class PlatformTablesExhaustiveTest {

    /** docs/model.md section 5, row by row: platform, attribute, platform page state -> outcome ("VE" = #VE). */
    private static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("TDX PRIVATE TDX_ACCEPTED", "OK"),
            Map.entry("TDX PRIVATE TDX_PENDING", "TD_EXIT_PENDING"),
            Map.entry("TDX PRIVATE TDX_SHARED", "TD_EXIT_SHARED"),
            Map.entry("TDX SHARED TDX_SHARED", "OK"),
            Map.entry("TDX SHARED TDX_ACCEPTED", "VE"),
            Map.entry("TDX SHARED TDX_PENDING", "VE"),
            Map.entry("SNP PRIVATE SNP_VALIDATED", "OK"),
            Map.entry("SNP PRIVATE SNP_UNVALIDATED", "VC_NOT_VALIDATED"),
            Map.entry("SNP PRIVATE SNP_HV_OWNED", "NPF_RMP_PRIVATE"),
            Map.entry("SNP SHARED SNP_HV_OWNED", "OK"),
            Map.entry("SNP SHARED SNP_VALIDATED", "NPF_RMP_SHARED"),
            Map.entry("SNP SHARED SNP_UNVALIDATED", "NPF_RMP_SHARED"),
            Map.entry("VTOM PRIVATE VTOM_PRIVATE", "OK"),
            Map.entry("VTOM PRIVATE VTOM_HOST_VISIBLE", "VTOM_PARAVISOR"),
            Map.entry("VTOM SHARED VTOM_HOST_VISIBLE", "OK"),
            Map.entry("VTOM SHARED VTOM_PRIVATE", "VTOM_PARAVISOR"));

    /** The expected outcome of one page of a zeropad load by {@code cpu} from state {@code s}. */
    private static Cause expected(Scenario sc, PageState s, int cpu, int page, boolean secondPage) {
        Attribute attr = s.effectiveAttribute(cpu, Mapping.DIRECT, page);
        if (attr == null) return secondPage ? Cause.PF_FIXUP : Cause.PF_OOPS;
        String row = TABLE.get(sc.platform() + " " + attr + " " + s.hv(page));
        if (row.equals("VE")) return secondPage && sc.options().veZeropadFixup() ? Cause.VE_FIXUP : Cause.VE_UNHANDLED;
        Cause c = Cause.valueOf(row);
        if (sc.options().hostImplicitConversion() && (c == Cause.NPF_RMP_PRIVATE || c == Cause.NPF_RMP_SHARED)) {
            // the host converts the page to what the access wanted and the access retries once
            HvPage converted = c == Cause.NPF_RMP_SHARED ? HvPage.SNP_HV_OWNED : HvPage.SNP_UNVALIDATED;
            return Cause.valueOf(TABLE.get(sc.platform() + " " + attr + " " + converted));
        }
        if (c == Cause.OK && attr == Attribute.PRIVATE && s.contents(page) == Content.POISON) return Cause.MC_POISON;
        return c;
    }

    /** Explores {@code sc} and checks every zeropad load; returns the rows seen as "attribute hv -> outcome". */
    private static Set<String> checkEveryLoad(Scenario sc) {
        NaiveExplorer x = new NaiveExplorer(sc);
        PageModel model = x.model;
        int readerActor = sc.converters().size();
        ZeropadReader r = sc.readers().get(0);
        Set<String> seen = new TreeSet<>();
        for (PageState s : x.order) {
            for (Moves.Move m : Moves.where(model, s, a -> a.actor() == readerActor)) {
                Cause want = expected(sc, s, r.cpu(), r.page(), false);
                int page = r.page();
                if (want == Cause.OK) {
                    page = r.page() + 1;
                    // the first page's read may have filled its TLB entry; the second's translation is unaffected
                    want = expected(sc, s, r.cpu(), page, true);
                }
                assertEquals(want, m.outcome(), () -> "load from\n" + s);
                assertEquals(want.isFatal(), m.next().crashed());
                // a load changes no PTE, platform state or contents (unless the SNP host converted the page)
                boolean converted = !s.happened(Cause.IMPLICIT_CONVERSION) && m.next().happened(Cause.IMPLICIT_CONVERSION);
                for (int p = 0; p < s.layout().pages() && !converted; p++) {
                    assertEquals(s.hv(p), m.next().hv(p));
                    assertEquals(s.contents(p), m.next().contents(p));
                    assertEquals(s.pte(Mapping.DIRECT, p), m.next().pte(Mapping.DIRECT, p));
                }
                Attribute a = s.effectiveAttribute(r.cpu(), Mapping.DIRECT, page);
                seen.add((page == r.page() ? "first " : "second ") + a + " " + s.hv(page) + " -> " + m.outcome());
            }
        }
        assertEquals(0, x.deadlocks(), "every dead end is terminal");
        return seen;
    }

    @Test
    void tdxSharedTranslationToAPrivatePageIsARecoveredVe() {
        // generic private->shared: the PTE is flipped before MapGPA, a zeropad on CPU1 crosses into it
        Set<String> seen = checkEveryLoad(Scenarios.standard(Platform.TDX, Direction.TO_SHARED, DomainVariantsTest.TDX_TO_SHARED));
        assertTrue(seen.contains("second SHARED TDX_ACCEPTED -> VE_FIXUP"), seen::toString);
        assertFalse(seen.stream().anyMatch(r -> r.endsWith("VE_UNHANDLED")), seen::toString);
    }

    @Test
    void tdxSharedTranslationToAPrivatePageIsFatalWithoutTheFixup() {
        // before 1e7769653b06 the #VE of a zeropad load is not fixed up (option ve_zeropad_fixup off)
        Options off = Options.Option.VE_ZEROPAD_FIXUP.apply(Options.defaults(), "off");
        Set<String> seen = checkEveryLoad(Scenarios.standard(Platform.TDX, off, Direction.TO_SHARED,
                DomainVariantsTest.TDX_TO_SHARED, 1));
        assertTrue(seen.contains("second SHARED TDX_ACCEPTED -> VE_UNHANDLED"), seen::toString);
    }

    @Test
    void tdxPrivateTranslationToAPageNotAcceptedIsFatal() {
        // before 195edce08b63: flip and flush, then MapGPA and ACCEPT in finish
        Set<String> seen = checkEveryLoad(Scenarios.standard(Platform.TDX, Direction.TO_PRIVATE,
                "unmap_aliases flush_tlb flush_cache flip flush_tlb map_gpa accept"));
        assertTrue(seen.contains("second PRIVATE TDX_SHARED -> TD_EXIT_SHARED"), seen::toString);
        assertTrue(seen.contains("second PRIVATE TDX_PENDING -> TD_EXIT_PENDING"), seen::toString);
    }

    @Test
    void snpCBitTranslationToAnUnvalidatedPageIsFatal() {
        // SNP generic private->shared (mem_encrypt_amd.c prepare: rescind, PSC): the zeropad meets an unvalidated page
        Set<String> seen = checkEveryLoad(Scenarios.standard(Platform.SNP, Direction.TO_SHARED,
                "unmap_aliases flush_tlb flush_cache rescind psc flip flush_tlb"));
        assertTrue(seen.contains("second PRIVATE SNP_UNVALIDATED -> VC_NOT_VALIDATED"), seen::toString);
        assertTrue(seen.contains("second PRIVATE SNP_HV_OWNED -> NPF_RMP_PRIVATE"), seen::toString);
    }

    @Test
    void snpSharedTranslationToAGuestOwnedPageIsFatal() {
        // SNP generic shared->private: a stale C=0 translation to a guest-assigned page is an RMP #NPF
        Set<String> seen = checkEveryLoad(Scenarios.standard(Platform.SNP, Direction.TO_PRIVATE,
                "unmap_aliases flush_tlb flush_cache psc pvalidate flip flush_tlb"));
        assertTrue(seen.contains("second SHARED SNP_UNVALIDATED -> NPF_RMP_SHARED"), seen::toString);
        assertTrue(seen.contains("second SHARED SNP_VALIDATED -> NPF_RMP_SHARED"), seen::toString);
    }

    @Test
    void vtomMismatchIsFatalAndKelleysMergedPathHasOnlyPageFaults() {
        // Hyper-V v6.4-v6.8 vs v6.9 (docs/model.md section 2; ivm.c)
        Set<String> v64 = checkEveryLoad(Scenarios.standard(Platform.VTOM, Direction.TO_SHARED,
                "unmap_aliases flush_tlb flip flush_tlb hv_visibility"));
        assertTrue(v64.contains("second SHARED VTOM_PRIVATE -> VTOM_PARAVISOR"), v64::toString);
        Set<String> v69 = checkEveryLoad(Scenarios.standard(Platform.VTOM, Direction.TO_SHARED,
                "unmap_aliases clear_present flush_tlb flip hv_visibility set_present"));
        assertTrue(v69.contains("second null VTOM_PRIVATE -> PF_FIXUP"), v69::toString);
        assertFalse(v69.stream().anyMatch(r -> r.endsWith("VTOM_PARAVISOR")), v69::toString);
    }

    @Test
    void snpHostImplicitConversionTurnsNestedPageFaultsIntoRetries() {
        // docs/model.md section 5: a host that implicitly converts is an option (host_implicit_conversion)
        Options on = Options.Option.HOST_IMPLICIT_CONVERSION.apply(Options.defaults(), "on");
        Set<String> seen = checkEveryLoad(Scenarios.standard(Platform.SNP, on, Direction.TO_PRIVATE,
                "unmap_aliases flush_tlb flush_cache psc pvalidate flip flush_tlb", 1));
        assertTrue(seen.contains("second SHARED SNP_VALIDATED -> OK"), seen::toString);
        assertFalse(seen.stream().anyMatch(r -> r.contains("NPF_RMP")), seen::toString);
    }
}
