package pagestate.specs;

import java.util.ArrayList;
import java.util.List;

/** The errors found so far in one load; parsing keeps going after each. */
final class Problems {
    private final List<SpecError> errors = new ArrayList<>();

    void at(Pos pos, String message) {
        errors.add(pos.error(message));
    }

    void add(SpecError error) {
        errors.add(error);
    }

    int count() {
        return errors.size();
    }

    /** The errors grouped by file (in the order the files were first blamed), each file's by line and column. */
    List<SpecError> list() {
        List<java.nio.file.Path> files = new ArrayList<>();
        for (SpecError e : errors) if (!files.contains(e.file())) files.add(e.file());
        List<SpecError> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.comparingInt((SpecError e) -> files.indexOf(e.file()))
                .thenComparingInt(SpecError::line).thenComparingInt(SpecError::column));
        return List.copyOf(sorted);
    }
}
