package pagestate.reports;

import java.util.List;
import java.util.Objects;

/**
 * Everything one {@code pagestate check} run found: the input to every report format.
 *
 * @param tool    "pagestate"
 * @param version the tool's version
 * @param specs   one report per spec file, in the order they were checked
 * @param errors  the errors of the specs that could not be checked (invalid or unreadable), in file order
 */
public record RunReport(String tool, String version, List<SpecReport> specs, List<InvalidSpec> errors) {

    public RunReport {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(version, "version");
        specs = List.copyOf(specs);
        errors = List.copyOf(errors);
    }

    /** A run in which every spec could be checked. */
    public RunReport(String tool, String version, List<SpecReport> specs) {
        this(tool, version, specs, List.of());
    }

    /** The spec files that could not be checked, each once, in order. */
    public List<String> invalidSpecs() {
        return errors.stream().map(InvalidSpec::spec).distinct().toList();
    }

    /** Expectation counts over all specs. */
    public Summary summary() {
        Summary summary = new Summary(0, 0, 0);
        for (SpecReport spec : specs) {
            summary = summary.plus(spec.summary());
        }
        return summary;
    }
}
