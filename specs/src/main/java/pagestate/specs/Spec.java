package pagestate.specs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import pagestate.model.cpu.Scenario;
import pagestate.model.SystemConfig;

/**
 * A parsed, validated spec file: what to explore and what the author expects of it.
 *
 * @param file         the file it was read from
 * @param name         the spec's name (unique in a catalogue)
 * @param description  one line
 * @param system       the seed system it belongs to, its {@code system} line (e.g. "cpu", "iommu")
 * @param config       the system to explore: a {@link Scenario} for {@code cpu}, the system's own config otherwise
 * @param properties   the properties to check, by name (PropertyName spec names), in file order
 * @param expectations expected verdicts; empty means checked and reported, not gated
 * @param base         the spec file it {@code extends}, if any (resolved against the directory of {@code file})
 */
public record Spec(Path file, String name, String description, String system, SystemConfig config,
                   List<String> properties, List<Expectation> expectations, Optional<Path> base) {

    public Spec {
        properties = List.copyOf(properties);
        expectations = List.copyOf(expectations);
    }

    /** A spec that extends nothing. */
    public Spec(Path file, String name, String description, String system, SystemConfig config,
                List<String> properties, List<Expectation> expectations) {
        this(file, name, description, system, config, properties, expectations, Optional.empty());
    }

    /** The CPU conversion's scenario; only for {@code system cpu} specs. */
    public Scenario scenario() {
        if (config instanceof Scenario s) return s;
        throw new IllegalStateException("spec " + name + " is of system " + system + ", not cpu: it has no CPU scenario");
    }

    /** The expectation stated for {@code property}, if any. */
    public Optional<Expectation> expectation(String property) {
        for (Expectation e : expectations) if (e.property().equals(property)) return Optional.of(e);
        return Optional.empty();
    }

    /** Whether the run is gated: a spec without expectations is checked and reported only. */
    public boolean gated() {
        return !expectations.isEmpty();
    }

    /**
     * {@code expect PROPERTY holds|violated}, with the comment that cites its source.
     *
     * @param property the PropertyName spec name
     * @param holds    true for {@code holds}, false for {@code violated}
     * @param line     the line of the {@code expect} in {@link Spec#file()}
     * @param source   the trailing {@code # comment}: commit, lore message id, manual section; "" when none
     */
    public record Expectation(String property, boolean holds, int line, String source) { }
}
