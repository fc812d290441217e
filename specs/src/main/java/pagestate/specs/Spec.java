package pagestate.specs;

import java.nio.file.Path;
import java.util.List;
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
 */
public record Spec(Path file, String name, String description, String system, Scenario scenario,
                   List<String> properties, List<Expectation> expectations) {

    public Spec {
        properties = List.copyOf(properties);
        expectations = List.copyOf(expectations);
    }

    /** {@code expect PROPERTY holds|violated}, with the comment that cites its source. */
    public record Expectation(String property, boolean holds, int line, String source) { }
}
