package pagestate.reports;

import java.util.List;
import java.util.Objects;

/**
 * The results of checking one spec file.
 *
 * @param file        the spec file as given on the command line
 * @param name        the spec's name
 * @param description one line from the spec (may be empty)
 * @param platform    e.g. "tdx", "snp", "vtom"
 * @param system      the seed system it belongs to, e.g. "cpu", "iommu"
 * @param steps       the converter's step list as text lines, in order
 * @param complete    whether the exploration covered the whole bounded state space
 * @param stats       the run's figures
 * @param properties  one result per checked property, in spec order
 * @param coverage    how often each actor and step fired (never null: {@link Coverage#none()})
 */
public record SpecReport(String file, String name, String description, String platform, String system,
                         List<String> steps, boolean complete, RunStats stats,
                         List<PropertyReport> properties, Coverage coverage) {

    /** A report without coverage. */
    public SpecReport(String file, String name, String description, String platform, String system,
                      List<String> steps, boolean complete, RunStats stats, List<PropertyReport> properties) {
        this(file, name, description, platform, system, steps, complete, stats, properties, Coverage.none());
    }

    public SpecReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        platform = platform == null ? "" : platform;
        system = system == null ? "" : system;
        steps = List.copyOf(steps);
        Objects.requireNonNull(stats, "stats");
        properties = List.copyOf(properties);
        coverage = coverage == null ? Coverage.none() : coverage;
    }

    /** The expectation counts of this spec alone. */
    public Summary summary() {
        Summary summary = new Summary(0, 0, 0);
        for (PropertyReport property : properties) {
            summary = summary.plus(property);
        }
        return summary;
    }
}
