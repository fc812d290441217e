package pagestate.reports;

import java.util.Objects;

/**
 * One error that kept a spec from being checked (a syntax or validation error, or a file that cannot be
 * read), as {@code file:line:column: message}.
 *
 * @param spec    the spec file that was to be checked
 * @param file    the file the error is in: the spec or one of the bases it extends
 * @param line    1-based line, 0 when the error concerns the whole file
 * @param column  1-based column, 0 when unknown
 * @param message the one-line message
 */
public record InvalidSpec(String spec, String file, int line, int column, String message) {

    public InvalidSpec {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: message}, leaving out what is unknown. */
    public String format() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
    }
}
