package pagestate.specs;

import java.nio.file.Path;

/** One problem in a spec file, printed as {@code file:line:col: message}. Line and column are 1-based; 0 = unknown. */
public record SpecError(Path file, int line, int column, String message) {

    public String format() {
        StringBuilder b = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) b.append(':').append(column);
        }
        return b.append(": ").append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
