package pagestate.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The error for each bad input, pinned to its exact file:line:col and stable message. */
class ErrorsTest {
    /** A valid spec of 9 lines; tests append to it from line 10 on. */
    static final String M = """
            spec minimal
            description "x"
            platform snp
            converter conv on cpu 0 pages 1
              to shared:
                rescind
                psc
                flip
                flush_tlb
            """;

    private static void assertErrors(String text, String... expected) {
        List<String> want = new ArrayList<>();
        for (String e : expected) want.add(e.startsWith("t.pspec") ? e : "t.pspec:" + e);
        assertEquals(want, Texts.errors(text));
    }

    @Test
    void bounds() {
        assertErrors(M + "cpus 9\n", "10:6: cpus must be between 1 and 4, not 9");
        assertErrors(M + "cpus x\n", "10:6: cpus needs a number, not x");
        assertErrors(M + "cpus 99999999999\n", "10:6: cpus needs a number, not 99999999999");
        assertErrors(M + "pages 0\n", "10:7: pages must be between 1 and 4, not 0");
        assertErrors(M + "mappings 4\n", "10:10: mappings must be between 1 and 3, not 4");
        assertErrors(M + "cpus\n", "10:6: cpus needs a number");
        assertErrors(M + "pages 1\n", "4:31: converter conv converts page 1, but pages is 1 (only page 0)");
        assertErrors(M.replace("cpu 0", "cpu 3"), "4:23: converter conv runs on cpu 3, but cpus is 2 (cpus 0..1)");
    }

    @Test
    void readers() {
        assertErrors(M + "reader zp on cpu 1 page 1\n",
                "10:25: reader zp reads page 1 into page 2, but pages is 2 (pages 0..1); use pages 3 or read an earlier page");
        assertErrors(M + "reader zp on cpu 2 page 0\n", "10:18: reader zp runs on cpu 2, but cpus is 2 (cpus 0..1)");
        assertErrors(M + "reader zp on cpu 1 page 0 extra\n",
                "10:27: unexpected extra after 0; only `via direct|vmalloc|lazy` may follow the page");
        assertErrors(M + "reader zp on cpu 1\n", "10:20: expected `page P` (the page read across into page P+1)");
        assertErrors(M + "reader spec on cpu 1 page 0\n", "10:8: spec is a keyword; choose another name");
    }

    @Test
    void duplicates() {
        assertErrors(M + "platform tdx\n", "10:1: duplicate platform (first set on line 3)");
        assertErrors(M + "spec other\n", "10:1: duplicate spec (first set on line 1)");
        assertErrors(M + "reader conv on cpu 1 page 0\n", "10:8: duplicate actor name conv (first used on line 4)");
        assertErrors(M + "reader zp on cpu 1 page 0\nhost zp page 1 reads\n", "11:6: duplicate actor name zp (first used on line 10)");
        assertErrors(M + "expect no_fatal holds\nexpect no_fatal violated\n",
                "11:8: duplicate expectation for no_fatal (first on line 10)");
        assertErrors(M + "option sme_coherent on\noption sme_coherent off\n",
                "11:8: duplicate option sme_coherent (first set on line 10)");
        assertErrors(M.replace("pages 1", "pages 1 1"), "4:33: page 1 is listed twice");
        assertErrors(M + "hardware tlb_fill tlb_fill\n", "10:19: tlb_fill is listed twice");
        assertErrors(M + "check no_fatal no_fatal\n", "10:16: no_fatal is listed twice");
        assertErrors(M + "fail psc psc\n", "10:10: psc is listed twice");
        assertErrors(M + "converter c2 on cpu 1 pages 1\n  to private:\n    psc\n    pvalidate\n",
                "10:29: page 1 is converted by both conv and c2");
    }

    @Test
    void expectations() {
        assertErrors(M + "check no_fatal\nexpect aliases_agree holds\n",
                "11:8: expect aliases_agree: that property is not checked (`check` on line 10)");
        assertErrors(M + "expect no_fatl holds\n", "10:8: unknown property no_fatl; did you mean no_fatal?");
        assertErrors(M + "expect no_fatal hold\n", "10:17: unknown verdict hold; did you mean holds? (an expectation is holds or violated)");
        assertErrors(M + "expect no_fatal\n", "10:17: expect no_fatal needs a verdict: holds or violated");
        assertErrors(M + "expect no_fatal holds# no space before the comment\n",
                "10:17: unknown verdict holds#; did you mean holds? (an expectation is holds or violated)");
    }

    @Test
    void platformsAndPrimitives() {
        assertErrors(M.replace("platform snp", "platform tdx"),
                "6:5: rescind is an SNP primitive; this spec's platform is tdx",
                "7:5: psc is an SNP primitive; this spec's platform is tdx");
        assertErrors(M.replace("psc", "map_gpa"), "7:5: map_gpa is a TDX primitive; this spec's platform is snp");
        assertErrors(M.replace("platform snp", "platform sev"), "3:10: unknown platform sev; known: tdx, snp, vtom");
        assertErrors(M.replace("platform snp", "platform sev-snp"), "3:10: unknown platform sev-snp; did you mean snp?");
        assertErrors(M.replace("flush_tlb", "flush_tbl"), "9:5: unknown primitive flush_tbl; did you mean flush_tlb?");
        assertErrors(M.replace("flip", "\"flip\""), "8:5: a step is a primitive name, not a string");
    }

    @Test
    void missingParts() {
        assertErrors(M.replace("platform snp\n", ""), "t.pspec: missing `platform` line: one of tdx, snp, vtom");
        assertErrors(M.replace("spec minimal\n", ""), "t.pspec: missing `spec NAME` line");
        assertErrors(M.replace("description \"x\"\n", ""),
                "t.pspec: missing `description \"...\"` line: say in one line what this spec checks");
        assertErrors("spec a\ndescription \"x\"\nplatform tdx\n", "t.pspec: missing converter: add `converter NAME on cpu N"
                + " pages P` with an indented `to shared:` or `to private:` block of steps");
        assertErrors("", "t.pspec: missing `spec NAME` line",
                "t.pspec: missing `description \"...\"` line: say in one line what this spec checks",
                "t.pspec: missing `platform` line: one of tdx, snp, vtom",
                "t.pspec: missing converter: add `converter NAME on cpu N pages P` with an indented `to shared:` or"
                        + " `to private:` block of steps");
    }

    @Test
    void aSyntaxErrorDoesNotAlsoReportThePartItHid() {
        assertErrors(M.replace("platform snp", "platfrom snp"), "3:1: unknown keyword platfrom; did you mean platform?");
        assertErrors(M.replace("pages 1", "pages x"), "4:31: page needs a number, not x");
    }

    @Test
    void options() {
        assertErrors(M + "option sme_coherent yes\n", "10:21: sme_coherent takes on or off, not yes");
        assertErrors(M + "option ve_zeropad_fixup on\n", "10:8: ve_zeropad_fixup is a TDX option; this spec's platform is snp");
        assertErrors(M + "option sme_coherant on\n", "10:8: unknown option sme_coherant; did you mean sme_coherent?");
        assertErrors(M + "option sme_coherent\n", "10:21: sme_coherent needs a value: on or off");
    }

    @Test
    void failAndErrorPath() {
        assertErrors(M + "fail pvalidate\n", "10:6: pvalidate is not a hypercall; fail takes map_gpa, accept, psc, hv_visibility");
        assertErrors(M + "fail map_gpa\n", "10:6: map_gpa is a TDX primitive; this spec's platform is snp");
        assertErrors(M + "fail hv_visibility\n", "10:6: hv_visibility is a VTOM primitive; this spec's platform is snp");
        assertErrors(M + "fail mapgpa\n", "10:6: unknown hypercall mapgpa; did you mean map_gpa?");
        assertErrors(M.replace("    psc\n", "") + "fail psc\n", "9:6: fail psc: no converter calls psc");
        assertErrors(M + "on_error keep\n", "10:10: unknown error path keep; known: leak, free");
    }

    @Test
    void hardwareAndCheck() {
        assertErrors(M + "hardware tlb_fil\n", "10:10: unknown hardware action tlb_fil; did you mean tlb_fill?");
        assertErrors(M + "hardware all tlb_fill\n", "10:14: write `hardware all except tlb_fill` to leave some out");
        assertErrors(M + "hardware\n", "10:10: hardware needs all, none, or a list of: tlb_fill tlb_evict cache_fill writeback");
        assertErrors(M + "check all no_fatal\n", "10:11: write `check all except no_fatal` to leave some out");
        assertErrors(M + "check no_fatl\n", "10:7: unknown property no_fatl; did you mean no_fatal?");
    }

    @Test
    void systems() {
        assertErrors(M + "system cpuu\n",
                "10:8: unknown system cpuu; did you mean cpu? (the systems: cpu, vtom-swiotlb, cove, iommu, busdma)");
        assertErrors(M + "system iommu\n", "t.pspec: missing `iommu` line: one of map-all 2M, map-all 4K, dynamic, dynamic no-invalidate",
                "t.pspec: missing guest: add `guest NAME page P does to_shared post wait to_private`",
                "3:10: `platform` is a statement of system cpu; this spec's system is iommu",
                "4:11: `converter` is a statement of system cpu; this spec's system is iommu");
        assertErrors(M + "iommu dynamic\n", "10:7: `iommu` is a statement of system iommu; this spec's system is cpu");
        assertErrors(M + "expect iommu_maps_shared_only holds\n", "10:8: expect iommu_maps_shared_only is a property of system iommu,"
                + " not of cpu (its properties: " + String.join(" ", Names.properties().subList(0, 13)) + ")");
    }

    /** A valid iommu spec of 6 lines. */
    static final String I = """
            spec i
            description "x"
            system iommu
            iommu dynamic
            guest vm page 1 does to_shared post wait
            device nic
            """;

    @Test
    void otherSystems() {
        assertEquals("iommu", Texts.spec(I).system());
        assertErrors(I.replace("iommu dynamic", "iommu map-all 3M"),
                "4:7: unknown iommu map-all 3M; did you mean map-all 2M? (iommu takes map-all 2M, map-all 4K, dynamic, dynamic no-invalidate)");
        assertErrors(I.replace("to_shared post", "to_shred post"),
                "5:22: unknown step to_shred for a guest of system iommu; did you mean to_shared? (its steps: to_shared post wait to_private)");
        assertErrors(I.replace("page 1 ", ""), "5:7: guest vm needs `page P` (the page it shares and posts for DMA), e.g. guest vm page 1 does ...");
        assertErrors(I.replace("page 1 ", "page 3 "), "5:15: guest vm uses page 3, but pages is 2 (pages 0..1)");
        assertErrors(I.replace("device nic", "device nic reads"),
                "6:8: a device of system iommu takes no reads or writes: it DMAs into the page the guest posts");
        assertErrors(I + "device nic2\n", "7:8: system iommu has one device; nic is already it");
        assertErrors(I + "check all except iommu_maps_shared_only iommu_size_within_rmp shared_dma_succeeds\n",
                "7:1: check leaves no property to check");
        assertErrors(I + "check no_fatal\n", "7:7: no_fatal is a property of system cpu and vtom-swiotlb and cove, not of iommu"
                + " (its properties: iommu_maps_shared_only iommu_size_within_rmp shared_dma_succeeds)");
        assertErrors(I.replace("guest vm page 1 does to_shared post wait", "guest vm page 1"),
                "5:17: expected `does STEP...` after guest vm (or `page P does STEP...`)");
        String busdma = "spec b\ndescription \"x\"\nsystem busdma\ndriver d does load start\ndevice x\n";
        assertErrors(busdma, "5:8: device x needs `reads`, `writes` or both (what it does with each segment)");
        assertErrors(busdma.replace("driver d", "guest d").replace("device x", "device x reads"), "t.pspec: missing driver: add `driver NAME does load prewrite start wait postread read unload`",
                "4:7: `guest` is a statement of system iommu and vtom-swiotlb and cove; this spec's system is busdma");
        assertErrors("spec c\ndescription \"x\"\nsystem cove\ntsm registration-only\nguest g does ioremap\nreader zp on cpu 1 page 0\n",
                "6:8: in system cove a reader is written `reader zp`: where it reads is fixed (the last RAM page into the hole after RAM)");
        assertErrors(M + "reader zp\n", "10:8: reader zp needs `on cpu N page P` in system cpu (the page it reads across into page P+1)");
    }

    @Test
    void swiotlbCachesAndHardware() {
        String v = "spec v\ndescription \"x\"\nsystem vtom-swiotlb\nguest g does flip flush_tlb hv_visibility\n";
        pagestate.model.swiotlb.SwiotlbConfig ok = (pagestate.model.swiotlb.SwiotlbConfig) Texts.spec(v + "caches non-coherent\n"
                + "hardware all except tlb_evict\n").config();
        assertEquals(pagestate.model.swiotlb.Caches.NON_COHERENT, ok.caches());
        assertEquals(java.util.EnumSet.complementOf(java.util.EnumSet.of(pagestate.model.cpu.HardwareAction.TLB_EVICT)), ok.hardware());
        assertErrors(v + "caches coherrent\n",
                "5:8: unknown caches coherrent; did you mean coherent? (caches takes coherent, non-coherent)");
        assertErrors(v + "caches coherent\ncaches non-coherent\n", "6:1: duplicate caches (first set on line 5)");
        assertErrors(M + "caches coherent\n", "10:8: `caches` is a statement of system vtom-swiotlb; this spec's system is cpu");
        assertErrors(I + "hardware all\n", "7:1: `hardware` is a statement of system cpu and vtom-swiotlb; this spec's system is iommu");
        assertErrors(v.replace("flush_tlb", "flush_tbl"), "4:19: unknown step flush_tbl for a guest of system vtom-swiotlb;"
                + " did you mean flush_tlb? (its steps: hv_visibility remap clear_present flip set_present flush_tlb flush_cache zero map"
                + " start wait sync_for_cpu read)");
    }

    @Test
    void actorsLines() {
        assertErrors(M + "host h page 1\n", "10:15: host h needs `reads`, `writes` or both");
        assertErrors(M + "host h page 2 reads\n", "10:13: host h touches page 2, but pages is 2 (pages 0..1)");
        assertErrors(M + "host h page 1 reads sometimes\n", "10:21: unexpected sometimes in host line; write host NAME page P reads writes");
        assertErrors(M + "converter c2 pages 0\n", "10:22: converter c2 needs a cpu, e.g. `on cpu 0`");
        assertErrors(M + "converter c2 on cpu 1\n  to private:\n    psc\n", "10:23: converter c2 needs its pages, e.g. `pages 1`");
        assertErrors(M + "converter c2 on cpu 1 pages 0 fast\n",
                "10:31: unexpected fast in converter line; write converter NAME on cpu N pages P [owner on|off] [via MAPPING]");
        assertErrors(M + "converter 2c on cpu 1 pages 0\n",
                "10:11: converter name 2c must start with a letter and use only letters, digits, _ - .");
    }

    @Test
    void keywordsAndIndentation() {
        assertErrors(M + "frobnicate 3\n", "10:1: unknown keyword frobnicate");
        assertErrors(M + "descripton \"x\"\n", "10:1: unknown keyword descripton; did you mean description?");
        assertErrors(M + "\nflush_tlb\n", "11:1: flush_tlb is a step: indent it like the other steps of the converter");
        assertErrors(M + "flush_tlb\n", "10:1: flush_tlb is a step: indent it like the other steps of the converter");
        assertErrors("  spec x\n" + M, "1:3: spec starts a top-level line: remove the indentation (only the steps of a"
                + " converter and the lines of an edit are indented)");
        assertErrors("spec x\n   description \"y\"\n", "2:4: description starts a top-level line: remove the indentation"
                + " (only the steps of a converter and the lines of an edit are indented)");
        assertErrors("spec x\ndescription \"y\"\nplatform tdx\n  flip\n",
                "4:3: unexpected indented line: only the steps of a converter and the lines of an edit are indented");
        assertErrors("flush_tlb\n", "1:1: flush_tlb is a step: indent it under a `to shared:` or `to private:` line of a converter");
        assertErrors(M + "to shared:\n", "10:1: `to shared:` starts a phase: indent it under a converter line");
    }

    @Test
    void converterBodies() {
        assertErrors(M + "converter c2 on cpu 1 pages 0\n",
                "10:11: converter c2 has no steps: indent a `to shared:` or `to private:` line under it, then one step per line");
        assertErrors(M + "converter c2 on cpu 1 pages 0\n  flip\n",
                "11:3: a step needs a phase: start the converter's body with `to shared:` or `to private:`");
        assertErrors(M + "converter c2 on cpu 1 pages 0\n  to shared:\n  to private:\n    flip\n", "11:3: `to shared` has no steps");
        assertErrors(M + "converter c2 on cpu 1 pages 0\n  to shared:\n    flip\n  to shared:\n    flip\n",
                "13:3: a round trip goes back: after `to shared` comes `to private`");
        assertErrors(M + "converter c2 on cpu 1 pages 0\n  to sharde:\n    flip\n    flush_tbl\n",
                "11:6: expected `shared` or `private` after `to`, not sharde; did you mean shared?",
                "13:5: unknown primitive flush_tbl; did you mean flush_tlb?");
        assertErrors(M + "converter c2 on cpu 1 pages 0\n  to shared:\n    flip#2\n",
                "12:5: flip#2: occurrence numbers are for edits; in a converter, list the steps in order");
        assertErrors(M + "converter c2 on cpu 1 pages 0\n  to shared:\n    flip\n  to private:\n    flip\n  to shared:\n    flip\n",
                "15:3: a converter has at most two phases: one direction, or a round trip");
    }

    @Test
    void strings() {
        assertErrors(M + "description \"unterminated\n", "10:1: duplicate description (first set on line 2)",
                "10:13: unterminated string: add a closing \"");
        assertErrors(M.replace("\"x\"", "\"\""), "2:13: description is empty");
        assertErrors("\u0000\"\n" + M, "1:1: unknown keyword \\u0000", "1:2: unterminated string: add a closing \"");
    }

    @Test
    void editsWithoutABase() {
        assertErrors(M + "drop reader zp\n", "10:13: drop removes an actor inherited with extends, and this spec extends nothing");
        assertErrors(M + "edit conv:\n  drop flip\n  drop flush_tlb#2\n  replace psc with flip\n  move flip before flip\n",
                "12:8: no flush_tlb#2: conv to shared has 1 flush_tlb step (its steps: rescind psc flush_tlb)",
                "14:20: cannot move flip relative to itself");
        assertErrors(M + "edit cnv:\n  drop flip\n", "10:6: no converter cnv to edit; did you mean conv?");
        assertErrors(M + "edit conv:\n  frob flip\n", "11:3: unknown edit frob; an edit is one of: drop, replace, insert, move");
        assertErrors(M + "edit conv:\n", "10:6: edit conv has no operations: indent drop, replace, insert or move lines under it");
        assertErrors(M + "edit conv to private:\n  drop flip\n", "10:6: converter conv has no `to private` phase (it has `to shared`)");
        assertErrors(M + "edit conv:\n  drop flip\n  drop rescind\n  drop psc\n  drop flush_tlb\n",
                "10:6: this edit leaves conv to shared with no steps");
        assertErrors(M + "edit conv:\n  insert flip flip\n", "11:20: insert needs a place: before STEP, after STEP, at start or at end");
        assertErrors(M + "edit conv:\n  insert flip at middle\n", "11:18: expected start or end after `at`, not middle");
        assertErrors(M + "edit conv:\n  drop flip#0\n",
                "11:8: after # comes the occurrence of the step, counted from 1 (e.g. flush_tlb#2), not 0");
        assertErrors(M + "edit conv:\n  replace flip flush_tlb\n", "11:16: expected `with` and the new steps after replace flip");
        assertErrors(M + "edit conv:\n  drop flush_tbl\n", "11:8: unknown primitive flush_tbl; did you mean flush_tlb?");
        assertErrors(M + "edit conv:\n  drop pvalidate\n", "11:8: no pvalidate in conv to shared (its steps: rescind psc flip flush_tlb)");
    }

    @Test
    void errorsAreSortedByLineAndAllOfAFileAreReported() {
        assertErrors("spec a\ndescription \"x\"\nplatform tdx\ncpus 9\nfrob\nconverter c on cpu 0 pages 1\n  to shared:\n"
                        + "    psc\n    flush_tbl\nexpect no_fatl holds\n",
                "4:6: cpus must be between 1 and 4, not 9", "5:1: unknown keyword frob",
                "8:5: psc is an SNP primitive; this spec's platform is tdx",
                "9:5: unknown primitive flush_tbl; did you mean flush_tlb?",
                "10:8: unknown property no_fatl; did you mean no_fatal?");
    }

    @Test
    void anUnreadableFileIsAnErrorWithoutALine() {
        List<String> e = Texts.errors(SpecLoader.load(java.nio.file.Path.of("does-not-exist.pspec")));
        assertEquals(List.of("does-not-exist.pspec: no such file"), e);
        List<String> dir = Texts.errors(SpecLoader.load(java.nio.file.Path.of("src")));
        assertEquals(List.of("src: cannot read the file: it is a directory"), dir);
    }
}
