package pagestate.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pagestate.model.cpu.Content;
import pagestate.model.cpu.Converter;
import pagestate.model.cpu.Direction;
import pagestate.model.cpu.ErrorPath;
import pagestate.model.cpu.HardwareAction;
import pagestate.model.cpu.HostActor;
import pagestate.model.cpu.Options;
import pagestate.model.cpu.Phase;
import pagestate.model.cpu.Platform;
import pagestate.model.cpu.Primitive;
import pagestate.model.PropertyName;
import pagestate.model.cpu.Scenario;
import pagestate.model.cpu.ZeropadReader;

import static pagestate.model.cpu.Primitive.*;

/** Every construct of the language, parsed into the expected model values. */
class ParseTest {

    private static final String MINIMAL = """
            spec minimal
            description "the least a spec must say"
            platform snp
            converter conv on cpu 0 pages 1
              to shared:
                rescind
                psc
                flip
                flush_tlb
            """;

    @Test
    void theExampleParsesIntoTheScenarioItDescribes() {
        Spec s = Texts.spec(Texts.EXAMPLE);
        Scenario expected = new Scenario(Platform.TDX, Options.defaults(), 2, 2, 1,
                List.of(new Converter("conv", 0, List.of(1),
                        List.of(new Phase(Direction.TO_SHARED, List.of(UNMAP_ALIASES, FLUSH_TLB, FLUSH_CACHE, FLIP, FLUSH_TLB, MAP_GPA))),
                        true)),
                List.of(new ZeropadReader("zp", 1, 0)), List.of(new HostActor("vmm", 1, true, true)),
                EnumSet.allOf(HardwareAction.class), Set.of(MAP_GPA), ErrorPath.LEAK);
        assertEquals(expected, s.scenario());
        assertEquals("tdx-generic-to-shared", s.name());
        assertEquals("TDX __set_memory_enc_pgtable() v6.5+, private -> shared, one zeropad reader", s.description());
        assertEquals("cpu", s.system());
        assertEquals(Texts.FILE, s.file());
        assertTrue(s.base().isEmpty());
        assertEquals(pagestate.model.SeedSystem.CPU.properties().size(), s.properties().size());
        assertEquals(List.of(new Spec.Expectation("no_fatal", true, 27, "195edce08b63; docs/model.md section 8, item 1"),
                new Spec.Expectation("no_coco_exception", false, 28, "the #VE is recovered by the fixup (1e7769653b06)")),
                s.expectations());
        assertTrue(s.gated());
        assertEquals(28, s.expectation("no_coco_exception").orElseThrow().line());
    }

    @Test
    void unstatedSettingsTakeTheirDefaults() {
        Spec s = Texts.spec(MINIMAL);
        Scenario sc = s.scenario();
        assertEquals("cpu", s.system());
        assertEquals(List.of(2, 2, 1), List.of(sc.cpus(), sc.pages(), sc.mappingCount()));
        assertEquals(Options.defaults(), sc.options());
        assertEquals(EnumSet.allOf(HardwareAction.class), sc.hardware());
        assertEquals(Set.of(), sc.mayFail());
        assertEquals(ErrorPath.LEAK, sc.onError());
        assertEquals(List.of(), sc.readers());
        assertEquals(List.of(), sc.hosts());
        assertTrue(sc.converters().get(0).owner(), "owner accesses are on unless `owner off`");
        List<String> all = new java.util.ArrayList<>();
        for (PropertyName p : pagestate.model.SeedSystem.CPU.properties()) all.add(p.specName());
        assertEquals(all, s.properties());
        assertFalse(s.gated());
    }

    @Test
    void aRoundTripHasTwoPhasesInOrder() {
        Spec s = Texts.spec("""
                spec round-trip
                description "to shared and back"
                platform vtom
                converter c cpu 1 page 0 owner off
                  to shared: clear_present flush_tlb
                    flip
                    hv_visibility
                    set_present
                  to private:
                    clear_present
                    flush_tlb
                    hv_visibility
                    flip
                    set_present
                """);
        Converter c = s.scenario().converters().get(0);
        assertEquals(new Converter("c", 1, List.of(0), List.of(
                new Phase(Direction.TO_SHARED, List.of(CLEAR_PRESENT, FLUSH_TLB, FLIP, HV_VISIBILITY, SET_PRESENT)),
                new Phase(Direction.TO_PRIVATE, List.of(CLEAR_PRESENT, FLUSH_TLB, HV_VISIBILITY, FLIP, SET_PRESENT))),
                false), c);
    }

    @Test
    void convertersMayConvertSeveralPagesAndSeveralConvertersMayRun() {
        Spec s = Texts.spec("""
                spec two
                description "two converters"
                platform tdx
                cpus 3
                pages 4
                mappings 3
                converter a on cpu 0 pages 1, 2 owner on
                  to private:
                    map_gpa
                    accept
                    flip
                    flush_tlb
                converter b on cpu 2 pages 3 owner off
                  to shared:
                    flip
                    map_gpa
                reader r1 on cpu 1 page 0
                reader r2 on cpu 1 page 2
                host h1 page 3 writes
                host h2 page 2 reads
                """);
        Scenario sc = s.scenario();
        assertEquals(List.of(3, 4, 3), List.of(sc.cpus(), sc.pages(), sc.mappingCount()));
        assertEquals(List.of(1, 2), sc.converters().get(0).pages());
        assertTrue(sc.converters().get(0).owner());
        assertEquals(Direction.TO_PRIVATE, sc.converters().get(0).phases().get(0).target());
        assertEquals(new Converter("b", 2, List.of(3), List.of(new Phase(Direction.TO_SHARED, List.of(FLIP, MAP_GPA))), false),
                sc.converters().get(1));
        assertEquals(List.of(new ZeropadReader("r1", 1, 0), new ZeropadReader("r2", 1, 2)), sc.readers());
        assertEquals(List.of(new HostActor("h1", 3, false, true), new HostActor("h2", 2, true, false)), sc.hosts());
    }

    @Test
    void hardwareIsAllNoneAListOrAllExcept() {
        assertEquals(Set.of(), hardware("hardware none"));
        assertEquals(Set.of(HardwareAction.TLB_FILL, HardwareAction.WRITEBACK), hardware("hardware writeback tlb_fill"));
        assertEquals(EnumSet.complementOf(EnumSet.of(HardwareAction.CACHE_FILL)), hardware("hardware all except cache_fill"));
        assertEquals(EnumSet.allOf(HardwareAction.class), hardware("hardware all"));
    }

    private static Set<HardwareAction> hardware(String line) {
        return Texts.spec(MINIMAL + line + "\n").scenario().hardware();
    }

    @Test
    void checkIsAllAListOrAllExcept() {
        assertEquals(List.of("zeropad_returns", "no_fatal"), Texts.spec(MINIMAL + "check zeropad_returns no_fatal\n").properties());
        List<String> s = Texts.spec(MINIMAL + "check all except conversion_completes zeropad_returns_eventually\n").properties();
        assertEquals(pagestate.model.SeedSystem.CPU.properties().size() - 2, s.size());
        assertFalse(s.contains("conversion_completes"));
        assertTrue(s.contains("no_fatal"));
    }

    @Test
    void optionsFailAndErrorPath() {
        Scenario sc = Texts.spec(MINIMAL + """
                option sme_coherent on
                option host_implicit_conversion on
                fail psc
                on_error free
                """).scenario();
        assertTrue(sc.options().smeCoherent());
        assertTrue(sc.options().hostImplicitConversion());
        assertEquals(Set.of(PSC), sc.mayFail());
        assertEquals(ErrorPath.FREE, sc.onError());
        Scenario tdx = Texts.spec(Texts.EXAMPLE.replace("option ve_zeropad_fixup on", """
                option ve_zeropad_fixup off
                option writeback_mismatch garbage
                option vmm_flush_on_map_private off""").replace("fail map_gpa", "fail none")).scenario();
        // field by field, so that a new option in the model does not break this test
        assertFalse(tdx.options().veZeropadFixup());
        assertEquals(Content.GARBAGE, tdx.options().writebackMismatch());
        assertFalse(tdx.options().vmmFlushOnMapPrivate());
        assertFalse(tdx.options().smeCoherent());
        assertEquals(Set.of(), tdx.mayFail());
    }

    @Test
    void descriptionMayBeUnquotedAndStringsMayEscapeQuotes() {
        assertEquals("the least a spec must say", Texts.spec(MINIMAL.replace("\"the least a spec must say\"",
                "the least a spec must say")).description());
        assertEquals("TDX, to shared: v6.5+ \"quoted\"", Texts.spec(MINIMAL.replace("\"the least a spec must say\"",
                "TDX, to shared: v6.5+ \"quoted\"   # a comment")).description());
        assertEquals("say \"hi\" \\ bye", Texts.spec(MINIMAL.replace("\"the least a spec must say\"",
                "\"say \\\"hi\\\" \\\\ bye\"")).description());
    }

    @Test
    void expectationsWithoutACommentHaveAnEmptySourceAndCommentsAreIgnoredElsewhere() {
        Spec s = Texts.spec("# leading comment\r\n" + MINIMAL.replace("psc\n", "psc   # a comment after a step\n")
                + "\n   # an indented comment line\nexpect no_fatal violated\nexpect aliases_agree holds #   padded   \n");
        assertEquals(List.of(new Spec.Expectation("no_fatal", false, 13, ""),
                new Spec.Expectation("aliases_agree", true, 14, "padded")), s.expectations());
        assertEquals(List.of(RESCIND, PSC, FLIP, FLUSH_TLB), s.scenario().converters().get(0).phases().get(0).steps());
    }

    @Test
    void systemDefaultsToCpuAndMayBeStated() {
        assertEquals("cpu", Texts.spec(MINIMAL + "system cpu\n").system());
    }

    @Test
    void everyPrimitiveOfThePlatformIsAcceptedAsAStep() {
        for (Platform p : Platform.values()) {
            StringBuilder b = new StringBuilder("spec all\ndescription \"x\"\nplatform " + p.specName()
                    + "\nconverter c on cpu 0 pages 1\n  to shared:\n");
            for (Primitive prim : Primitive.values()) if (prim.availableOn(p)) b.append("    ").append(prim.specName()).append('\n');
            List<Primitive> steps = Texts.spec(b.toString()).scenario().converters().get(0).phases().get(0).steps();
            for (Primitive prim : Primitive.values()) assertEquals(prim.availableOn(p), steps.contains(prim), prim + " on " + p);
        }
    }
}
