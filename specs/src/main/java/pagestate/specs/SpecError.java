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
        return oneLine(b.append(": ").append(message));
    }

    /** Control characters (a path or a word may hold any) escaped, so the error stays on one line. */
    private static String oneLine(CharSequence text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
