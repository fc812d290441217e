package pagestate.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * Holds every line of a command's output and errors to {@value #WIDTH} columns: a longer line is broken
 * at its last space that fits and goes on under its own indentation plus four spaces. Never cuts text,
 * nor a word: a single word longer than a line (a path) goes whole on a line of its own, and a line that
 * is only a location ({@code file:line:col:}, ending in a colon with no ": " before it, which
 * {@link pagestate.specs.SpecError#display()} puts alone on the first line of a long error) is printed
 * whole, so that it can be copied or followed by an editor. Installed by {@link Main} on stdout and
 * stderr, so that it also covers picocli's own messages; the commands lay out their tables to fit, and
 * this is the guarantee behind them.
 */
final class WrappingWriter extends Writer {

    /** The widest line a command prints. */
    static final int WIDTH = 100;

    private final Writer target;
    private final StringBuilder line = new StringBuilder();

    WrappingWriter(Writer target) {
        this.target = target;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                emit(line.toString());
                target.write('\n');
                line.setLength(0);
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    /** Writes a pending partial line as it stands, so that a prompt-like output is not held back. */
    @Override
    public void flush() throws IOException {
        if (line.length() > 0) {
            emit(line.toString());
            line.setLength(0);
        }
        target.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        target.close();
    }

    /** A line that is only a location, {@code file:line:col:} (the path may hold spaces): never broken. */
    static boolean isLocation(String text) {
        return !text.isEmpty() && text.charAt(0) != ' ' && text.endsWith(":") && !text.contains(": ");
    }

    private void emit(String text) throws IOException {
        if (isLocation(text)) {
            target.write(text);
            return;
        }
        String rest = text;
        String indent = "";
        boolean first = true;
        while (rest.length() + (first ? 0 : indent.length()) > WIDTH) {
            if (first) {
                int lead = 0;
                while (lead < rest.length() && rest.charAt(lead) == ' ') lead++;
                indent = " ".repeat(Math.min(lead, 40) + 4);
            }
            String head = first ? "" : indent;
            int room = WIDTH - head.length();
            int cut = rest.lastIndexOf(' ', room);
            int start = first ? indent.length() - 4 : 0;
            if (cut <= start) {
                // a word longer than the room: the whole word (up to the next space, or the rest)
                cut = rest.indexOf(' ', start);
                if (cut < 0) break;
            }
            target.write(head + rest.substring(0, cut).stripTrailing());
            target.write('\n');
            rest = rest.substring(cut).stripLeading();
            first = false;
        }
        target.write((first ? "" : indent) + rest);
    }
}
