package pagestate.specs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import pagestate.model.Scenario;

/**
 * A parsed, validated spec file: what to explore and what the author expects of it.
 *
 * @param file         the file it was read from
 * @param name         the spec's name (unique in a catalogue)
 * @param description  one line
 * @param system       the seed system it belongs to, for grouping in {@code pagestate list} (e.g. "cpu")
 * @param scenario     the system to explore
 * @param properties   the properties to check, by name (PropertyName spec names), in file order
 * @param expectations expected verdicts; empty means checked and reported, not gated
 * @param base         the spec file it {@code extends}, if any (resolved against the directory of {@code file})
 */
public record Spec(Path file, String name, String description, String system, Scenario scenario,
                   List<String> properties, List<Expectation> expectations, Optional<Path> base) {

    public Spec {
        properties = List.copyOf(properties);
        expectations = List.copyOf(expectations);
    }

    /** A spec that extends nothing. */
    public Spec(Path file, String name, String description, String system, Scenario scenario,
                List<String> properties, List<Expectation> expectations) {
        this(file, name, description, system, scenario, properties, expectations, Optional.empty());
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
