package pagestate.specs;

import java.nio.file.Path;

/** Where something was written: a file, a 1-based line and column (0 = unknown). */
record Pos(Path file, int line, int col) {

    SpecError error(String message) {
        return new SpecError(file, line, col, message);
    }

    static Pos ofFile(Path file) {
        return new Pos(file, 0, 0);
    }
}
