package pagestate.specs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Helpers for tests that parse spec text held in the test. */
final class Texts {
    static final Path FILE = Path.of("t.pspec");

    /** A complete, valid spec: the brief's example (TDX generic path, to shared). */
    static final String EXAMPLE = """
            # TDX generic path after the 2023 fixes, private -> shared
            spec tdx-generic-to-shared
            description "TDX __set_memory_enc_pgtable() v6.5+, private -> shared, one zeropad reader"
            system cpu
            platform tdx
            option ve_zeropad_fixup on
            cpus 2
            pages 2
            mappings 1

            converter conv on cpu 0 pages 1 owner
              to shared:
                unmap_aliases
                flush_tlb
                flush_cache
                flip
                flush_tlb
                map_gpa

            reader zp on cpu 1 page 0        # load_unaligned_zeropad() from page 0 across into page 1
            host vmm page 1 reads writes
            hardware all
            fail map_gpa
            on_error leak

            check all
            expect no_fatal holds            # 195edce08b63; docs/model.md section 8, item 1
            expect no_coco_exception violated  # the #VE is recovered by the fixup (1e7769653b06)
            """;

    private Texts() { }

    static Spec spec(String text) {
        return spec(FILE, text);
    }

    static Spec spec(Path file, String text) {
        SpecResult r = SpecLoader.parse(file, text);
        if (r instanceof SpecResult.Loaded l) return l.spec();
        fail("expected a spec, got errors:\n" + lines(r.errors()));
        return null;
    }

    static Spec load(Path file) {
        SpecResult r = SpecLoader.load(file);
        if (r instanceof SpecResult.Loaded l) return l.spec();
        fail("expected a spec from " + file + ", got errors:\n" + lines(r.errors()));
        return null;
    }

    /** The formatted errors of {@code text}, which must fail. */
    static List<String> errors(String text) {
        return errors(SpecLoader.parse(FILE, text));
    }

    static List<String> errors(SpecResult r) {
        assertTrue(r instanceof SpecResult.Failed, "expected errors, got a spec");
        List<String> out = new ArrayList<>();
        for (SpecError e : r.errors()) out.add(e.format());
        return out;
    }

    static String lines(List<SpecError> errors) {
        StringBuilder b = new StringBuilder();
        for (SpecError e : errors) b.append(e.format()).append('\n');
        return b.toString();
    }
}
