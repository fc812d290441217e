package pagestate.model.cpu;

import pagestate.model.PropertyName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The verdicts docs/model.md section 8 items 1-5 require, from exhaustive exploration of the model. */
class DomainVariantsTest {

    static final String TDX_TO_SHARED = "unmap_aliases flush_tlb flush_cache flip flush_tlb map_gpa";
    static final String TDX_TO_PRIVATE = "unmap_aliases flush_tlb flush_cache map_gpa accept flip flush_tlb";

    private static void print(String title, NaiveExplorer x) {
        System.out.println("== " + title + ": " + x.states() + " states");
        for (PropertyName p : PropertyName.values()) {
            if (p.isLiveness()) continue;
            System.out.println("  " + p.specName() + ": " + (x.violated(p) ? "violated (" + x.trace(p).size() + " steps)" : "holds"));
        }
    }

    @Test
    void tdxGenericAfterFixesHasNoFatalButARecoveredVe() {
        for (var d : new Object[][] {{Direction.TO_SHARED, TDX_TO_SHARED}, {Direction.TO_PRIVATE, TDX_TO_PRIVATE}}) {
            NaiveExplorer x = new NaiveExplorer(Scenarios.standard(Platform.TDX, (Direction) d[0], (String) d[1]));
            print("tdx generic " + d[0], x);
            if (x.violated(PropertyName.NO_FATAL)) System.out.println(x.traceText(PropertyName.NO_FATAL));
            assertFalse(x.violated(PropertyName.NO_FATAL), "no fatal outcome");
            assertTrue(x.violated(PropertyName.NO_COCO_EXCEPTION), "a #VE is reachable");
            assertEquals(0, x.deadlocks());
        }
    }

    @Test
    void tdxToPrivateBefore195edce08b63IsFatal() {
        NaiveExplorer x = new NaiveExplorer(Scenarios.standard(Platform.TDX, Direction.TO_PRIVATE,
                "unmap_aliases flush_tlb flush_cache flip flush_tlb map_gpa accept"));
        print("tdx pre-195edce08b63", x);
        System.out.println(x.traceText(PropertyName.NO_FATAL));
        assertTrue(x.violated(PropertyName.NO_FATAL));
    }

    @Test
    void snpGenericWithZeropadIsFatal() {
        NaiveExplorer x = new NaiveExplorer(Scenarios.standard(Platform.SNP, Direction.TO_SHARED,
                "unmap_aliases flush_tlb flush_cache rescind psc flip flush_tlb"));
        print("snp generic to shared", x);
        System.out.println(x.traceText(PropertyName.NO_FATAL));
        assertTrue(x.violated(PropertyName.NO_FATAL));
    }

    @Test
    void vtomV64PathIsFatal() {
        NaiveExplorer x = new NaiveExplorer(Scenarios.standard(Platform.VTOM, Direction.TO_SHARED,
                "unmap_aliases flush_tlb flip flush_tlb hv_visibility"));
        print("vtom v6.4 to shared", x);
        System.out.println(x.traceText(PropertyName.NO_FATAL));
        assertTrue(x.violated(PropertyName.NO_FATAL));
    }

    @Test
    void vtomV69MergedPathHasNoCocoException() {
        for (Direction d : Direction.values()) {
            NaiveExplorer x = new NaiveExplorer(Scenarios.standard(Platform.VTOM, d,
                    "unmap_aliases clear_present flush_tlb flip hv_visibility set_present"));
            print("vtom v6.9 " + d, x);
            if (x.violated(PropertyName.NO_COCO_EXCEPTION)) System.out.println(x.traceText(PropertyName.NO_COCO_EXCEPTION));
            assertFalse(x.violated(PropertyName.NO_COCO_EXCEPTION));
            assertFalse(x.violated(PropertyName.NO_FATAL));
        }
    }
}
