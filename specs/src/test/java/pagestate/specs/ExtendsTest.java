package pagestate.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pagestate.model.cpu.Primitive.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pagestate.model.cpu.HostActor;
import pagestate.model.cpu.Primitive;
import pagestate.model.cpu.Scenario;
import pagestate.model.cpu.ZeropadReader;

/** extends, overriding, drop, and each edit operation; the errors of each. */
class ExtendsTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/extends");
    /** A variant written in the test, as if it were a file next to the fixtures. */
    static final Path VARIANT = DIR.resolve("variant.pspec");
    static final String HEAD = "spec variant\nextends \"base.pspec\"\ndescription \"d\"\n";

    private static List<Primitive> steps(Spec s, int phase) {
        return s.scenario().converters().get(0).phases().get(phase).steps();
    }

    private static List<Primitive> edited(String ops) {
        return steps(Texts.spec(VARIANT, HEAD + "edit conv:\n" + ops), 0);
    }

    private static List<String> errors(String text) {
        return Texts.errors(SpecLoader.parse(VARIANT, text));
    }

    @Test
    void aVariantInheritsEverythingButNameDescriptionAndExpectations() {
        Spec base = Texts.load(DIR.resolve("base.pspec"));
        Spec v = Texts.spec(VARIANT, HEAD);
        assertEquals(base.scenario(), v.scenario());
        assertEquals(base.properties(), v.properties());
        assertEquals(List.of("no_fatal", "no_coco_exception", "zeropad_returns"), v.properties());
        assertEquals(List.of(), v.expectations());
        assertEquals("variant", v.name());
        assertEquals("d", v.description());
        assertEquals(Optional.of(DIR.resolve("base.pspec")), v.base());
        assertEquals(1, base.expectations().size());
    }

    @Test
    void theMergedVariantIsBuiltByEdits() {
        Spec s = Texts.load(DIR.resolve("merged.pspec"));
        assertEquals(List.of(UNMAP_ALIASES, FLUSH_CACHE, CLEAR_PRESENT_AND_FLIP, FLUSH_TLB, MAP_GPA, SET_PRESENT), steps(s, 0));
        assertEquals(List.of(new Spec.Expectation("no_coco_exception", true, 10, "the variant's own")), s.expectations());
    }

    @Test
    void aChainOfVariantsAppliesEachLevel() {
        Spec s = Texts.load(DIR.resolve("chain.pspec"));
        assertEquals(List.of(UNMAP_ALIASES, FLUSH_CACHE, CLEAR_PRESENT_AND_FLIP, FLUSH_TLB, MAP_GPA, SET_PRESENT), steps(s, 0));
        assertEquals(3, s.scenario().cpus());
        assertEquals(List.of(new ZeropadReader("zp", 1, 0), new ZeropadReader("zp2", 2, 0)), s.scenario().readers());
        assertEquals(Optional.of(DIR.resolve("merged.pspec")), s.base());
    }

    @Test
    void settingsAndActorsAreOverriddenReplacedAddedAndDropped() {
        Scenario sc = Texts.spec(VARIANT, HEAD + """
                option ve_zeropad_fixup on
                cpus 3
                pages 3
                mappings 2
                reader zp on cpu 2 page 1
                host h2 page 0 writes
                drop host vmm
                hardware none
                check all
                expect conversion_completes holds
                """).scenario();
        assertTrue(sc.options().veZeropadFixup());
        assertEquals(List.of(3, 3, 2), List.of(sc.cpus(), sc.pages(), sc.mappingCount()));
        assertEquals(List.of(new ZeropadReader("zp", 2, 1)), sc.readers());
        assertEquals(List.of(new HostActor("h2", 0, false, true)), sc.hosts());
        assertEquals(0, sc.hardware().size());
    }

    @Test
    void aConverterOfTheSameNameReplacesTheInheritedOne() {
        Spec s = Texts.spec(VARIANT, HEAD + "converter conv on cpu 1 pages 0 owner off\n  to private:\n    map_gpa\n    accept\n"
                + "    flip\ndrop reader zp\n");
        assertEquals(List.of(MAP_GPA, ACCEPT, FLIP), steps(s, 0));
        assertEquals(1, s.scenario().converters().size());
        assertEquals(1, s.scenario().converters().get(0).cpu());
    }

    @Test
    void theBasePlatformCanBeChangedWhenItsStepsExistThere() {
        Spec s = Texts.spec(DIR.resolve("v.pspec"), "spec v\nextends \"abstract-base.pspec\"\ndescription \"d\"\nplatform snp\n");
        assertEquals(pagestate.model.cpu.Platform.SNP, s.scenario().platform());
        List<String> e = Texts.errors(SpecLoader.parse(DIR.resolve("v.pspec"),
                "spec v\nextends \"base.pspec\"\ndescription \"d\"\nplatform snp\n"));
        assertEquals(List.of(DIR.resolve("base.pspec") + ":5:8: ve_zeropad_fixup is a TDX option; this spec's platform is snp",
                DIR.resolve("base.pspec") + ":16:5: map_gpa is a TDX primitive; this spec's platform is snp"), e);
    }

    @Test
    void drop() {
        assertEquals(List.of(UNMAP_ALIASES, CLEAR_PRESENT, FLUSH_TLB, FLUSH_CACHE, MAP_GPA, SET_PRESENT), edited("  drop flip\n"));
    }

    @Test
    void replaceWithOneOrSeveralSteps() {
        assertEquals(List.of(UNMAP_ALIASES, CLEAR_PRESENT_AND_FLIP, FLUSH_TLB, FLUSH_CACHE, FLIP, MAP_GPA, SET_PRESENT),
                edited("  replace clear_present with clear_present_and_flip\n"));
        assertEquals(List.of(UNMAP_ALIASES, CLEAR_PRESENT, FLUSH_TLB, FLUSH_CACHE, FLIP, FLUSH_TLB, MAP_GPA, SET_PRESENT),
                edited("  replace flip with flip flush_tlb\n"));
    }

    @Test
    void insertBeforeAfterAtStartAtEnd() {
        assertEquals(List.of(UNMAP_ALIASES, CLEAR_PRESENT, FLUSH_TLB, FLUSH_CACHE, FLIP, MAP_GPA, SET_PRESENT, FLUSH_TLB),
                edited("  insert flush_tlb after set_present\n"));
        assertEquals(List.of(UNMAP_ALIASES, CLEAR_PRESENT, FLUSH_TLB, FLUSH_CACHE, WBINVD, FLUSH_TLB, FLIP, MAP_GPA, SET_PRESENT),
                edited("  insert wbinvd flush_tlb before flip\n"));
        assertEquals(List.of(FLUSH_TLB, UNMAP_ALIASES, CLEAR_PRESENT, FLUSH_TLB, FLUSH_CACHE, FLIP, MAP_GPA, SET_PRESENT, WBINVD),
                edited("  insert flush_tlb at start\n  insert wbinvd at end\n"));
    }

    @Test
    void moveBeforeAfterAtStartAtEnd() {
        assertEquals(List.of(UNMAP_ALIASES, FLUSH_CACHE, CLEAR_PRESENT, FLUSH_TLB, FLIP, MAP_GPA, SET_PRESENT),
                edited("  move flush_cache before clear_present\n"));
        assertEquals(List.of(UNMAP_ALIASES, FLUSH_TLB, FLUSH_CACHE, FLIP, MAP_GPA, CLEAR_PRESENT, SET_PRESENT),
                edited("  move clear_present after map_gpa\n"));
        assertEquals(List.of(SET_PRESENT, UNMAP_ALIASES, CLEAR_PRESENT, FLUSH_TLB, FLUSH_CACHE, FLIP, MAP_GPA),
                edited("  move set_present at start\n"));
        assertEquals(List.of(CLEAR_PRESENT, FLUSH_TLB, FLUSH_CACHE, FLIP, MAP_GPA, SET_PRESENT, UNMAP_ALIASES),
                edited("  move unmap_aliases at end\n"));
    }

    @Test
    void occurrencesCountInTheListAsTheEditsAboveLeftIt() {
        // after the insert there are two flush_tlb: #1 (the original) and #2 (after flip)
        assertEquals(List.of(UNMAP_ALIASES, CLEAR_PRESENT, FLUSH_CACHE, FLIP, FLUSH_TLB, MAP_GPA, SET_PRESENT),
                edited("  insert flush_tlb after flip\n  drop flush_tlb#1\n"));
        assertEquals(List.of(UNMAP_ALIASES, CLEAR_PRESENT, FLUSH_TLB, FLUSH_CACHE, FLIP, MAP_GPA, SET_PRESENT),
                edited("  insert flush_tlb after flip\n  drop flush_tlb#2\n"));
        assertEquals(List.of(UNMAP_ALIASES, CLEAR_PRESENT, FLUSH_CACHE, FLIP, FLUSH_TLB, MAP_GPA, FLUSH_TLB, SET_PRESENT),
                edited("  insert flush_tlb after flip\n  move flush_tlb#1 after map_gpa\n"));
        assertEquals(List.of(UNMAP_ALIASES, CLEAR_PRESENT, FLUSH_CACHE, FLIP, FLUSH_TLB, FLUSH_TLB, MAP_GPA, SET_PRESENT),
                edited("  insert flush_tlb after flip\n  move flush_tlb#1 after flush_tlb#2\n"));
    }

    @Test
    void aRoundTripNeedsAPhaseSelector() {
        Path v = DIR.resolve("rt.pspec");
        String head = "spec rt\nextends \"roundtrip.pspec\"\ndescription \"d\"\n";
        Spec s = Texts.spec(v, head + "edit conv to private:\n  drop flush_tlb#2\n");
        assertEquals(List.of(CLEAR_PRESENT, FLUSH_TLB, HV_VISIBILITY, FLIP, SET_PRESENT), steps(s, 1));
        assertEquals(List.of(CLEAR_PRESENT, FLUSH_TLB, FLIP, HV_VISIBILITY, SET_PRESENT), steps(s, 0));
        assertEquals(List.of(v + ":4:6: converter conv is a round trip; say which phase: edit conv to shared:"),
                Texts.errors(SpecLoader.parse(v, head + "edit conv:\n  drop flip\n")));
        assertEquals(List.of(v + ":5:8: flush_tlb appears 2 times in conv to private; write flush_tlb#1 or flush_tlb#2"),
                Texts.errors(SpecLoader.parse(v, head + "edit conv to private:\n  drop flush_tlb\n")));
    }

    @Test
    void editErrorsNameTheStepsThatAreThere() {
        assertEquals(List.of(VARIANT + ":6:27: no clear_present in conv to shared (its steps: unmap_aliases"
                        + " clear_present_and_flip flush_tlb flush_cache flip map_gpa set_present)"),
                errors(HEAD + "edit conv:\n  replace clear_present with clear_present_and_flip\n"
                        + "  move flush_cache before clear_present\n"));
        assertEquals(List.of(VARIANT + ":5:8: no flush_tlb#2: conv to shared has 1 flush_tlb step (its steps: unmap_aliases"
                        + " clear_present flush_tlb flush_cache flip map_gpa set_present)"),
                errors(HEAD + "edit conv:\n  drop flush_tlb#2\n"));
        assertEquals(List.of(VARIANT + ":4:6: no converter convv to edit; did you mean conv?"),
                errors(HEAD + "edit convv:\n  drop flip\n"));
        assertEquals(List.of(VARIANT + ":4:13: no reader z in the base spec to drop; did you mean zp?"),
                errors(HEAD + "drop reader z\n"));
        assertEquals(List.of(VARIANT + ":4:13: no reader vmm in the base spec to drop; known: zp"), errors(HEAD + "drop reader vmm\n"));
    }

    @Test
    void namesOfDifferentKindsMayNotClashAcrossBaseAndVariant() {
        assertEquals(List.of(VARIANT + ":4:6: actor name zp is used by a reader and a host"),
                errors(HEAD + "host zp page 0 reads\n"));
    }

    @Test
    void expectationsMustBeOnPropertiesTheBaseChecks() {
        assertEquals(List.of(VARIANT + ":4:8: expect aliases_agree: that property is not checked (`check` on line 21 of base.pspec)"),
                errors(HEAD + "expect aliases_agree holds\n"));
    }

    @Test
    void cyclesAreReportedAtTheExtendsThatClosesThem() {
        Path a = DIR.resolve("cycle-a.pspec");
        Path b = DIR.resolve("cycle-b.pspec");
        assertEquals(List.of(b + ":2:9: extends cycle: cycle-a.pspec -> cycle-b.pspec -> cycle-a.pspec"),
                Texts.errors(SpecLoader.load(a)));
        assertEquals(List.of(VARIANT + ":2:9: extends cycle: variant.pspec -> variant.pspec"),
                errors("spec variant\nextends \"variant.pspec\"\ndescription \"d\"\n"));
    }

    @Test
    void aMissingBaseIsAnErrorAtTheExtendsLine() {
        assertEquals(List.of(VARIANT + ":2:9: no base spec \"nope.pspec\": " + DIR.resolve("nope.pspec") + " does not exist"),
                errors("spec variant\nextends \"nope.pspec\"\ndescription \"d\"\n"));
    }

    @Test
    void anInvalidFileNameIsAnError() {
        assertEquals(List.of(VARIANT + ":2:9: extends: a\\u0000b is not a valid file name"),
                errors("spec variant\nextends \"a\u0000b\"\ndescription \"d\"\n"));
    }

    @Test
    void errorsOfTheBaseAreReportedInTheBaseAndTheVariantIsNotValidatedOnTopOfThem() {
        Path child = DIR.resolve("child-of-broken.pspec");
        assertEquals(List.of(child + ":6:6: cpus must be between 1 and 4, not 7",
                DIR.resolve("broken-base.pspec") + ":7:5: unknown primitive map_gap; did you mean map_gpa?"),
                Texts.errors(SpecLoader.load(child)));
    }
}
