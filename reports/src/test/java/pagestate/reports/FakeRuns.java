package pagestate.reports;

import java.util.List;

/** Hand-made run results for the tests: realistic shapes, made-up figures. */
final class FakeRuns {

    static final String EVIL_NAME = "evil <script>alert('x')</script> & \"co\"";

    private FakeRuns() {
    }

    /** The TDX shared->private conversion before 195edce08b63: a zeropad reader hits a TD exit. */
    static TraceView tdxTdExit() {
        return tdxTdExit("no_fatal");
    }

    static TraceView tdxTdExit(String property) {
        return TraceView.builder(property,
                        "CPU1 zeropad reads page 1 through a stale TLB entry (private) while the page is shared: TD exit")
                .lanes("CPU0", "CPU1", "platform", "hardware", "host")
                .step("CPU0", "CPU0 converter", "vm_unmap_aliases()", List.of("alias lazy[p1]: present 1->0"))
                .step("hardware", "hardware", "speculative TLB fill on CPU1 from direct[p1]",
                        List.of("TLB cpu1 direct[p1]: none -> private"))
                .step("CPU0", "CPU0 converter", "clflush page 1 (PTE present)", List.of("cache p1: clean"))
                .step("CPU0", "CPU0 converter", "flip encryption attribute in PTE direct[p1]",
                        List.of("PTE direct[p1]: private -> shared"))
                .step("platform", "TDX module", "MapGPA(shared) page 1",
                        List.of("TDX p1: private-accepted -> shared", "contents p1: secret -> host-data"))
                .violating("CPU1", "CPU1 zeropad", "load_unaligned_zeropad page 0 -> page 1",
                        List.of("reader cpu1: running -> fatal"), "TD exit (private access to a shared page): fatal")
                .window(3, 5)
                .build();
    }

    /** A liveness lasso: the conversion never completes because the host keeps failing the hypercall. */
    static TraceView livenessLasso() {
        return TraceView.builder("conversion_completes", "the hypercall fails forever; the converter retries")
                .lanes("CPU0", "host")
                .step("CPU0", "CPU0 converter", "clear PRESENT on direct[p1]", List.of("PTE direct[p1]: present 1->0"))
                .cycleStartsHere()
                .step("CPU0", "CPU0 converter", "hypercall: make page 1 host-visible", List.of())
                .step("host", "host", "fail the hypercall", List.of("converter cpu0: pc 3 -> 2"), "hypercall error")
                .build();
    }

    /**
     * A run as wide as the bundled cpu catalogue and more: 24 specs with long names, each checking 30
     * properties of 28 to 29 characters, every verdict kind among them.
     */
    static RunReport wide() {
        List<SpecReport> specs = new java.util.ArrayList<>();
        for (int s = 0; s < 24; s++) {
            List<PropertyReport> properties = new java.util.ArrayList<>();
            for (int p = 0; p < 30; p++) {
                String name = String.format("confidential_never_forward%02d", p) + (p % 2 == 0 ? "x" : "");
                Expected expected = (s + p) % 4 == 0 ? null : (s + p) % 3 == 0 ? Expected.VIOLATED : Expected.HOLDS;
                Actual actual = (s + p) % 7 == 0 ? Actual.UNKNOWN : (s + p) % 5 == 0 ? Actual.HOLDS : Actual.VIOLATED;
                TraceView trace = actual == Actual.VIOLATED && p < 2 ? tdxTdExit(name) : null;
                properties.add(PropertyReport.of(name, expected, actual, trace, null));
            }
            specs.add(new SpecReport("specs/wide-" + s + ".pspec",
                    String.format("kelley-seven-step-snp-to-private-4cpu-%02d", s), "a wide spec", "vtom", "cpu",
                    List.of("1. flip"), true, RunStats.of(10, 20, 3, 0.1, 50, "none"), properties));
        }
        return new RunReport("pagestate", "0.1.0-test", specs);
    }

    static RunReport run() {
        SpecReport tdx = new SpecReport("specs/tdx-shared-to-private-pre-195edce.spec",
                "tdx-shared-to-private-pre-195edce",
                "TDX shared->private as before 195edce08b63: MapGPA and ACCEPT both in finish",
                "tdx", "cpu",
                List.of("1. vm_unmap_aliases()", "2. flush TLB on all CPUs", "3. flip PTE attribute",
                        "4. flush TLB on all CPUs", "5. finish: MapGPA(private)", "6. finish: ACCEPT"),
                true, RunStats.of(1234, 5678, 17, 0.42, 96.5, "symmetry(cpus)"),
                List.of(PropertyReport.of("no_fatal", Expected.VIOLATED, Actual.VIOLATED, tdxTdExit(),
                                "TD exit reachable"),
                        PropertyReport.of("zeropad_returns", Expected.HOLDS, Actual.VIOLATED, tdxTdExit("zeropad_returns"),
                                "the zeropad read ends in a TD exit"),
                        PropertyReport.of("no_stale_tlb_after_done", null, Actual.HOLDS, null, null)));
        SpecReport vtom = new SpecReport("specs/hyperv-v6.9.spec", "hyperv-vtom-v6.9",
                "Hyper-V v6.9 merged path: np, flip, flush, hypercall, p", "vtom", "cpu",
                List.of("1. set_memory_np()", "2. flip vTOM bit", "3. hypercall", "4. set_memory_p()"),
                true, RunStats.of(321, 900, 11, 0.05, 88.0, "none"),
                List.of(PropertyReport.of("no_coco_exception", Expected.HOLDS, Actual.HOLDS, null, null),
                        PropertyReport.of("conversion_completes", Expected.HOLDS, Actual.VIOLATED, livenessLasso(),
                                "the host can fail the hypercall forever")));
        SpecReport big = new SpecReport("specs/" + EVIL_NAME + ".spec", EVIL_NAME,
                "description with <b>markup</b> & an ampersand", "snp", "cpu",
                List.of("1. <PVALIDATE> & PSC"),
                false, RunStats.of(1_000_000, 4_000_000, 40, 120.0, 64.0, "none"),
                List.of(PropertyReport.of("no_fatal", Expected.VIOLATED, Actual.UNKNOWN, null,
                        "stopped at --max-states 1000000 before a verdict")));
        return new RunReport("pagestate", "0.1.0-test", List.of(tdx, vtom, big));
    }
}
