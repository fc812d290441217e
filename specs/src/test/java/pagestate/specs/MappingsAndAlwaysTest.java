package pagestate.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pagestate.model.cpu.Mapping;
import pagestate.model.cpu.Phase;
import pagestate.model.cpu.Primitive;
import pagestate.model.cpu.Scenario;
import pagestate.model.cpu.ZeropadReader;

/** {@code mappings} by name, {@code via MAPPING} on readers and owners, and {@code always} steps. */
class MappingsAndAlwaysTest {
    /** A valid vTOM spec of 10 lines; tests append to it from line 11 on. */
    static final String V = """
            spec v
            description "x"
            platform vtom
            converter conv on cpu 0 pages 1
              to shared:
                clear_present
                flush_tlb
                flip
                hv_visibility
                set_present
            """;

    private static List<String> errors(String text) {
        return Texts.errors(text).stream().map(e -> e.replaceFirst("^t.pspec:", "")).toList();
    }

    @Test
    void mappingsByNameChooseAnySubsetWithTheDirectMap() {
        Scenario s = Texts.spec(V + "mappings lazy direct\nreader zp on cpu 1 page 0 via lazy\n").scenario();
        assertEquals(List.of(Mapping.DIRECT, Mapping.LAZY), s.mappings());
        assertEquals(new ZeropadReader("zp", 1, 0, Mapping.LAZY), s.readers().get(0));
        assertEquals(Mapping.first(2), Texts.spec(V + "mappings 2\n").scenario().mappings(), "mappings N as before");
        assertEquals(List.of(Mapping.DIRECT), Texts.spec(V).scenario().mappings(), "the default");
        assertEquals(Mapping.DIRECT, Texts.spec(V + "reader zp on cpu 1 page 0\n").scenario().readers().get(0).via());
    }

    @Test
    void theOwnerNamesItsMappingOnTheConverterLine() {
        Scenario s = Texts.spec(V.replace("pages 1", "pages 1 owner via vmalloc") + "mappings direct vmalloc\n").scenario();
        assertEquals(Mapping.VMALLOC, s.converters().get(0).via());
    }

    @Test
    void aStepThatTakesAnAddressNamesItsMapping() {
        Scenario s = Texts.spec(V.replace("    flush_tlb\n", "    flush_tlb\n    flush_cache via lazy\n")
                + "mappings direct lazy\n").scenario();
        Phase ph = s.converters().get(0).phases().get(0);
        assertEquals(Primitive.FLUSH_CACHE, ph.steps().get(2));
        assertEquals(Mapping.LAZY, ph.via(2));
        assertEquals(Mapping.DIRECT, ph.via(0), "the direct map by default");
        Scenario edited = Texts.spec(V + "mappings direct vmalloc\nedit conv:\n  insert flush_cache via vmalloc after flush_tlb\n")
                .scenario();
        assertEquals(Mapping.VMALLOC, edited.converters().get(0).phases().get(0).via(2), "edits keep the mapping");
    }

    @Test
    void stepMappingErrors() {
        assertEquals(List.of("7:15: flush_tlb takes no address: only flush_cache, pvalidate, rescind go through a mapping"
                        + " of the spec's choice (flush_tlb acts as CPA does)"),
                errors(V.replace("    flush_tlb\n", "    flush_tlb via lazy\n")));
        assertEquals(List.of("7:21: flush_cache uses lazy, a mapping this spec lacks: write `mappings direct lazy`"),
                errors(V.replace("    flush_tlb\n", "    flush_cache via lazy\n")));
    }

    @Test
    void mappingErrors() {
        assertEquals(List.of("12:31: reader zp uses lazy, a mapping this spec lacks: write `mappings direct vmalloc lazy`"),
                errors(V + "mappings 2\nreader zp on cpu 1 page 0 via lazy\n"));
        assertEquals(List.of("11:31: reader zp uses lazy, a mapping this spec lacks: write `mappings direct lazy`"),
                errors(V + "reader zp on cpu 1 page 0 via lazy\n"));
        assertEquals(List.of("4:43: owner of conv uses vmalloc, a mapping this spec lacks: write `mappings direct vmalloc`"),
                errors(V.replace("pages 1", "pages 1 owner via vmalloc")));
        assertEquals(List.of("11:31: unknown mapping lazzy; did you mean lazy?"), errors(V + "reader zp on cpu 1 page 0 via lazzy\n"));
        assertEquals(List.of("11:1: every page has the direct map: write `mappings direct lazy`"), errors(V + "mappings lazy\n"));
        assertEquals(List.of("11:15: lazy is listed twice"), errors(V + "mappings lazy lazy\n"));
        assertEquals(List.of("11:10: unknown mapping vmaloc; did you mean vmalloc?"), errors(V + "mappings vmaloc\n"));
        assertEquals(List.of("4:43: owner of conv uses lazy, a freed alias: an owner uses a live mapping, direct or vmalloc"),
                errors(V.replace("pages 1", "pages 1 owner via lazy") + "mappings direct lazy\n"));
        assertEquals(List.of("4:47: via needs an owner (owner off has no accesses): remove `via direct` or write owner on"),
                errors(V.replace("pages 1", "pages 1 owner off via direct")));
    }

    @Test
    void alwaysStepsRunAfterAFailureAndAreMarkedInThePhase() {
        Scenario s = Texts.spec(V.replace("    set_present", "    always set_present")).scenario();
        Phase p = s.converters().get(0).phases().get(0);
        assertEquals(Set.of(4), p.always());
        assertEquals(Primitive.SET_PRESENT, p.steps().get(4));
        assertTrue(p.isAlways(4));
    }

    @Test
    void alwaysInEdits() {
        Scenario s = Texts.spec(V + "edit conv:\n  replace set_present with always set_present flush_tlb\n"
                .replace("spec v", "spec w")).scenario();
        Phase p = s.converters().get(0).phases().get(0);
        assertEquals(Set.of(4), p.always());
        assertEquals(Primitive.FLUSH_TLB, p.steps().get(5));
    }

    @Test
    void alwaysErrors() {
        assertEquals(List.of("6:5: no hypercall precedes always clear_present: nothing can skip it; remove always"),
                errors(V.replace("    clear_present", "    always clear_present")));
        assertEquals(List.of("10:12: always needs the step that runs even after a failure, e.g. always set_present"),
                errors(V.replace("    set_present", "    always")));
        assertEquals(List.of("10:12: always is said once per step"),
                errors(V.replace("    set_present", "    always always set_present")));
    }
}
