package pagestate.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled spec parses, names itself after its file, and cites a source for every expectation. */
class CatalogueTest {
    static final Path CATALOG = Path.of("catalog");
    static final Path BENCH = Path.of("bench");

    static Stream<Path> bundled() throws IOException {
        List<Path> all = new ArrayList<>(SpecLoader.discover(CATALOG));
        all.addAll(SpecLoader.discover(BENCH));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void parsesWithoutErrorsAndEveryExpectationHasASource(Path file) {
        Spec s = Texts.load(file);
        assertEquals(file.getFileName().toString(), s.name().replaceFirst("^bench-", "") + SpecLoader.EXTENSION,
                "a bundled spec is named after its file");
        assertFalse(s.description().isBlank());
        for (Spec.Expectation e : s.expectations()) {
            assertFalse(e.source().isBlank(), file + ":" + e.line() + ": expectation of " + e.property() + " has no source comment");
        }
        if (file.startsWith(BENCH)) assertEquals(List.of(), s.expectations(), "bench specs are not gated");
    }

    @Test
    void namesAreUniqueAndTheRequiredVariantsAreThere() throws IOException {
        Set<String> names = new HashSet<>();
        for (Path p : SpecLoader.discover(CATALOG)) assertTrue(names.add(Texts.load(p).name()), "duplicate name in " + p);
        List<String> required = new ArrayList<>(List.of("tdx-generic-to-shared", "tdx-generic-to-private",
                "tdx-to-private-before-195edce08b63", "snp-generic-to-shared", "snp-generic-to-private",
                "hyperv-vtom-v6.4-to-shared", "hyperv-vtom-v6.4-to-private", "hyperv-v6.9-to-shared", "hyperv-v6.9-to-private"));
        for (String platform : List.of("tdx", "snp", "vtom")) {
            for (String dir : List.of("shared", "private")) {
                required.add("kelley-seven-step-" + platform + "-to-" + dir);
                required.add("edgecombe-merged-" + platform + "-to-" + dir);
            }
        }
        // docs/model.md section 8 items 6 to 8 and the vTOM swiotlb designs
        required.addAll(List.of("iommu-map-all-2m", "iommu-map-all-4k", "iommu-dynamic",
                "busdma-correct-driver", "busdma-missing-prewrite", "busdma-missing-postread", "busdma-coalescing",
                "busdma-raw-load", "cove-unregistered-as-mmio", "cove-registration-only", "x86-shared-bit-contrast",
                "swiotlb-remap-pre-v6.4", "swiotlb-decrypted-v6.4", "swiotlb-v6.9"));
        for (String r : required) assertTrue(names.contains(r), "missing catalogue spec " + r);
        assertTrue(names.size() >= required.size());
    }

    @Test
    void eachSpecLivesInTheFolderOfItsSystemAndEveryExpectationCitesASource() throws IOException {
        Set<String> systems = new HashSet<>();
        for (Path p : SpecLoader.discover(CATALOG)) {
            Spec s = Texts.load(p);
            assertEquals(p.getParent().getFileName().toString(), s.system(), p + ": catalog/<system>/");
            assertEquals(s.system(), s.config().system().specName(), p.toString());
            for (Spec.Expectation e : s.expectations()) assertFalse(e.source().isBlank(), p + ": expect " + e.property() + " has no source");
            systems.add(s.system());
        }
        assertEquals(Set.of("cpu", "vtom-swiotlb", "cove", "iommu", "busdma"), systems);
    }

    @Test
    void theMergedVariantsDifferFromTheSevenStepsOnlyByTheMergedWriteAndTheLastFlush() throws IOException {
        // Edgecombe (seed 004): clear PRESENT and flip in one write; one flush; set PRESENT without a flush
        for (Path p : SpecLoader.discover(CATALOG)) {
            String name = p.getFileName().toString();
            if (!name.startsWith("edgecombe-merged-")) continue;
            Spec merged = Texts.load(p);
            Spec seven = Texts.load(p.resolveSibling(name.replace("edgecombe-merged-", "kelley-seven-step-")));
            List<pagestate.model.cpu.Primitive> expected = new ArrayList<>(seven.scenario().converters().get(0).phases().get(0).steps());
            expected.remove(pagestate.model.cpu.Primitive.FLIP);
            expected.set(expected.indexOf(pagestate.model.cpu.Primitive.CLEAR_PRESENT), pagestate.model.cpu.Primitive.CLEAR_PRESENT_AND_FLIP);
            int setPresent = expected.indexOf(pagestate.model.cpu.Primitive.SET_PRESENT);
            assertEquals(pagestate.model.cpu.Primitive.FLUSH_TLB, expected.get(setPresent + 1), "set_memory_p() flushes in " + name);
            expected.remove(setPresent + 1);
            assertEquals(expected, merged.scenario().converters().get(0).phases().get(0).steps(), name);
        }
    }
}
