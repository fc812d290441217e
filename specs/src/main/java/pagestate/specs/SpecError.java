package pagestate.specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One problem in a spec file, printed as {@code file:line:col: message}. Line and column are 1-based; 0 = unknown. */
public record SpecError(Path file, int line, int column, String message) {

    /** The widest line {@link #display()} prints. */
    public static final int WIDTH = 100;
    private static final String INDENT = "    ";

    /** One line, the path as given: for JSON, JUnit XML and logs. */
    public String format() {
        return oneLine(where(file) + ": " + message);
    }

    /**
     * The error for a terminal, at most {@link #WIDTH} columns a line where the path allows: the path
     * relative to the working directory when that is shorter; if the line is still too long, {@code
     * file:line:col:} alone on the first line, whole however long (so that editors can jump to it), and
     * the message on indented continuation lines.
     */
    public String display() {
        return display(Path.of("").toAbsolutePath(), WIDTH);
    }

    String display(Path cwd, int width) {
        String where = where(shorter(file, cwd));
        String one = oneLine(where + ": " + message);
        if (one.length() <= width) return one;
        List<String> lines = new ArrayList<>();
        lines.add(oneLine(where + ":"));
        for (String part : wrap(oneLine(message), width - INDENT.length())) lines.add(INDENT + part);
        return String.join("\n", lines);
    }

    private String where(Path path) {
        StringBuilder b = new StringBuilder(String.valueOf(path));
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) b.append(':').append(column);
        }
        return b.toString();
    }

    /** {@code file} relative to {@code cwd} when that is shorter to print, else as given. */
    public static Path shorter(Path file, Path cwd) {
        if (file == null) return null;
        try {
            Path relative = cwd.relativize(file.toAbsolutePath().normalize());
            return relative.toString().length() < file.toString().length() && !relative.toString().isEmpty() ? relative : file;
        } catch (IllegalArgumentException | java.io.IOError | SecurityException e) {
            return file;   // another root (Windows drive), or no working directory to resolve against
        }
    }

    /**
     * {@code text} in lines of at most {@code width}, broken at spaces; a longer word (a path) is not cut
     * but put whole on a line of its own.
     */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.length() > width) {
                if (line.length() > 0) out.add(line.toString());
                out.add(word);
                line.setLength(0);
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || out.isEmpty()) out.add(line.toString());
        return out;
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
