package pagestate.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Word wrapping to a fixed column count with a first-line and a hanging prefix. */
public final class TextWrap {

    /** Compiled once: String.split compiles these patterns anew on every call. */
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final Pattern BLANKS = Pattern.compile("[ \t]+");

    private final int width;
    private final String restPrefix;
    private final List<String> lines = new ArrayList<>();
    private StringBuilder line;
    private int prefixLength;

    private TextWrap(int width, String firstPrefix, String restPrefix) {
        this.width = width;
        this.restPrefix = restPrefix;
        this.line = new StringBuilder(firstPrefix);
        this.prefixLength = firstPrefix.length();
    }

    /**
     * Wraps {@code text} so that no line, prefix included, exceeds {@code width} characters. Breaks at
     * spaces; a word longer than a line is cut. A line break in the text starts a new line.
     */
    public static List<String> wrap(String text, int width, String firstPrefix, String restPrefix) {
        if (Math.max(firstPrefix.length(), restPrefix.length()) >= width) {
            throw new IllegalArgumentException("prefix leaves no room in " + width + " columns");
        }
        TextWrap wrap = new TextWrap(width, firstPrefix, restPrefix);
        String[] paragraphs = LINE_BREAK.split(text, -1);
        for (int i = 0; i < paragraphs.length; i++) {
            if (i > 0) {
                wrap.newLine();
            }
            for (String word : BLANKS.split(paragraphs[i])) {
                if (!word.isEmpty()) {
                    wrap.add(word);
                }
            }
        }
        wrap.lines.add(wrap.line.toString().stripTrailing());
        return wrap.lines;
    }

    private void add(String word) {
        boolean hasWord = line.length() > prefixLength;
        if (hasWord && line.length() + 1 + word.length() > width) {
            newLine();
            hasWord = false;
        }
        if (hasWord) {
            line.append(' ');
        }
        String rest = word;
        while (line.length() + rest.length() > width) {
            int room = width - line.length();
            line.append(rest, 0, room);
            rest = rest.substring(room);
            newLine();
        }
        line.append(rest);
    }

    private void newLine() {
        lines.add(line.toString().stripTrailing());
        line = new StringBuilder(restPrefix);
        prefixLength = restPrefix.length();
    }
}
