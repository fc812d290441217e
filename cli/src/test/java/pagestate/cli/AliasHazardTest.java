package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.checker.CheckerConfig;
import pagestate.checker.Verdict;
import pagestate.specs.SpecLoader;
import pagestate.specs.SpecResult;

/**
 * Issue 20's alias hazard, per platform: a zeropad straying into the lazy alias of the page being converted
 * is fatal and sees the aliases disagree without unmap_aliases (TDX: TD exit; vTOM: #VC, a CoCo exception;
 * SNP: #VC page-not-validated), and neither with it, in the reduced search and in the unreduced one alike.
 */
class AliasHazardTest {

    private static final Path CATALOG = Path.of("..", "specs", "catalog", "cpu");

    private static SpecRun<?, ?> run(String name, boolean reduced) {
        SpecResult r = SpecLoader.load(CATALOG.resolve(name + ".pspec"));
        assertTrue(r instanceof SpecResult.Loaded, name + " loads");
        CheckerConfig c = reduced ? CheckerConfig.defaults() : CheckerConfig.defaults().withSymmetry(false).withPor(false);
        SpecRun<?, ?> run = SpecRun.run(((SpecResult.Loaded) r).spec(), c);
        assertTrue(run.result().complete(), name + " completes");
        return run;
    }

    private static Verdict verdict(SpecRun<?, ?> run, String property) {
        return run.result().property(property).orElseThrow().verdict();
    }

    @Test
    void theLazyAliasHazardNeedsTheMissingUnmapAliasesOnEveryPlatform() {
        for (String base : List.of("tdx-lazy-alias-zeropad", "hyperv-v6.9-lazy-alias-zeropad", "snp-lazy-alias-zeropad")) {
            for (boolean reduced : new boolean[] {true, false}) {
                SpecRun<?, ?> with = run(base, reduced);
                SpecRun<?, ?> without = run(base + "-no-unmap-aliases", reduced);
                String where = base + (reduced ? " reduced" : " unreduced");
                for (String p : List.of("no_fatal", "aliases_agree", "no_coco_exception")) {
                    assertEquals(Verdict.HOLDS, verdict(with, p), where + " with unmap_aliases: " + p);
                }
                assertEquals(Verdict.VIOLATED, verdict(without, "no_fatal"), where);
                assertEquals(Verdict.VIOLATED, verdict(without, "aliases_agree"), where);
                String cause = without.result().property("no_fatal").orElseThrow().cause();
                String expected = base.startsWith("tdx") ? "TD exit" : base.startsWith("hyperv") ? "#VC to the paravisor"
                        : "#VC page-not-validated";
                assertTrue(cause.startsWith(expected), where + ": " + cause);
                // TDX: the TD exit is no #VE; vTOM and SNP: the fatal #VC is one
                assertEquals(base.startsWith("tdx") ? Verdict.HOLDS : Verdict.VIOLATED, verdict(without, "no_coco_exception"),
                        where);
            }
        }
    }
}
