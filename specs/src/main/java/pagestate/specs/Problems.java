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

    List<SpecError> list() {
        return List.copyOf(errors);
    }
}
