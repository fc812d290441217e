package pagestate.reports;

import java.util.List;
import java.util.Objects;

/**
 * Everything one {@code pagestate check} run found: the input to every report format.
 *
 * @param tool    "pagestate"
 * @param version the tool's version
 * @param specs   one report per spec file, in the order they were checked
 */
public record RunReport(String tool, String version, List<SpecReport> specs) {

    public RunReport {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(version, "version");
        specs = List.copyOf(specs);
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
