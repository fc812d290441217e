package pagestate.specs;

import java.util.List;

/**
 * One line of a spec file after lexing.
 *
 * @param number   1-based line number
 * @param indented whether it starts with white space (the body of a converter or an edit)
 * @param tokens   its words, without the comment
 * @param comment  the text after {@code #}, trimmed, or null when there is none
 * @param code     the line as written, without the comment
 */
record Line(int number, boolean indented, List<Token> tokens, String comment, String code) {
    Line {
        tokens = List.copyOf(tokens);
    }
}
