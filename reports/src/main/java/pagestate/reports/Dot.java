package pagestate.reports;

import java.util.List;

/** DOT text helpers: quoting and multi-line left-justified labels. */
final class Dot {

    /** A font every Debian/Ubuntu machine with fontconfig has; graphviz falls back gracefully elsewhere. */
    static final String FONT = "DejaVu Sans";

    private Dot() {
    }

    /** {@code text} as a DOT double-quoted string: backslash and quote escaped, line breaks as \n. */
    static String quote(String text) {
        return "\"" + escape(text).replace("\n", "\\n") + "\"";
    }

    /** A quoted label of left-justified lines, each wrapped to {@code width} characters. */
    static String label(List<String> lines, int width) {
        StringBuilder out = new StringBuilder("\"");
        for (String line : lines) {
            for (String part : TextWrap.wrap(line, width, "", "  ")) {
                out.append(escape(part)).append("\\l");
            }
        }
        return out.append('"').toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\r' -> { }
                default -> out.append(c < 0x20 && c != '\n' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
