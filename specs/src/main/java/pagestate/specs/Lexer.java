package pagestate.specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a spec file into lines of tokens. A {@code #} starts a comment at the start of a line or after
 * white space (so {@code flush_tlb#2} is one word); commas separate like spaces; {@code :} is a token of
 * its own; {@code "..."} is a string with {@code \"} and {@code \\} escapes.
 */
final class Lexer {
    /** The longest spec text, in characters (a bundled spec has a few thousand). */
    static final int MAX_FILE_CHARS = 1 << 20;
    /** The longest line, in characters. */
    static final int MAX_LINE = 4096;
    /** The longest word (a name, keyword or number), in characters. */
    static final int MAX_WORD = 100;

    private Lexer() { }

    static List<Line> lex(Path file, String text, Problems problems) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.length() > MAX_FILE_CHARS) {
            problems.at(Pos.ofFile(file), "the file has " + body.length() + " characters; a spec file has at most "
                    + MAX_FILE_CHARS);
            return List.of();
        }
        String[] raw = body.split("\n", -1);
        List<Line> lines = new ArrayList<>(raw.length);
        for (int n = 0; n < raw.length; n++) {
            problems.poll();
            String s = raw[n].endsWith("\r") ? raw[n].substring(0, raw[n].length() - 1) : raw[n];
            lines.add(line(file, n + 1, s, problems));
        }
        return lines;
    }

    private static Line line(Path file, int number, String s, Problems problems) {
        if (s.length() > MAX_LINE) {
            problems.at(new Pos(file, number, MAX_LINE + 1), "the line has " + s.length()
                    + " characters; a line has at most " + MAX_LINE);
            return new Line(number, false, List.of(), null, "");
        }
        List<Token> tokens = new ArrayList<>();
        String comment = null;
        String code = s;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
            } else if (c == '#') {
                comment = s.substring(i + 1).strip();
                code = s.substring(0, i);
                break;
            } else if (c == ':') {
                tokens.add(new Token(":", i + 1, false));
                i++;
            } else if (c == '"') {
                StringBuilder b = new StringBuilder();
                int start = i++;
                boolean closed = false;
                while (i < s.length()) {
                    char d = s.charAt(i++);
                    if (d == '\\' && i < s.length()) {
                        b.append(s.charAt(i++));
                    } else if (d == '"') {
                        closed = true;
                        break;
                    } else {
                        b.append(d);
                    }
                }
                if (!closed) problems.at(new Pos(file, number, start + 1), "unterminated string: add a closing \"");
                tokens.add(new Token(b.toString(), start + 1, true));
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && ",:\"".indexOf(s.charAt(i)) < 0) i++;
                if (i - start > MAX_WORD) {
                    problems.at(new Pos(file, number, start + 1), "a word of " + (i - start)
                            + " characters; a word (a name, keyword or number) has at most " + MAX_WORD);
                    return new Line(number, false, List.of(), null, "");
                }
                tokens.add(new Token(s.substring(start, i), start + 1, false));
            }
        }
        boolean indented = !s.isEmpty() && Character.isWhitespace(s.charAt(0));
        return new Line(number, indented, tokens, comment, code);
    }
}
