package pagestate.specs;

import java.nio.file.Path;
import java.util.Collection;

/** Reads the tokens of one line left to right; every failure is a {@link LineError} that ends the line. */
final class Cursor {
    private final Path file;
    private final Line line;
    private int next;

    Cursor(Path file, Line line) {
        this.file = file;
        this.line = line;
    }

    Line line() {
        return line;
    }

    boolean atEnd() {
        return next >= line.tokens().size();
    }

    Token peek() {
        return atEnd() ? null : line.tokens().get(next);
    }

    Token next() {
        return line.tokens().get(next++);
    }

    /** Consumes {@code word} if it is next. */
    boolean accept(String word) {
        if (!atEnd() && peek().is(word)) {
            next++;
            return true;
        }
        return false;
    }

    Pos pos(Token t) {
        return new Pos(file, line.number(), t.col());
    }

    /** Where a missing word would go: one column past the end of the last token. */
    Pos endPos() {
        if (line.tokens().isEmpty()) return new Pos(file, line.number(), 1);
        Token last = line.tokens().get(line.tokens().size() - 1);
        int width = last.quoted() ? last.text().length() + 2 : last.text().length();
        return new Pos(file, line.number(), last.col() + width + 1);
    }

    LineError error(Token t, String message) {
        return new LineError(pos(t).error(message));
    }

    LineError errorAtEnd(String message) {
        return new LineError(endPos().error(message));
    }

    /** The next token, or an error "{@code message}" at the end of the line. */
    Token require(String message) {
        if (atEnd()) throw errorAtEnd(message);
        return next();
    }

    /** Consumes {@code word} or fails with {@code message}. */
    void expect(String word, String message) {
        if (atEnd()) throw errorAtEnd(message);
        if (!peek().is(word)) throw error(peek(), message);
        next++;
    }

    /** A whole number in {@code min..max}. */
    Located<Integer> number(String what, int min, int max) {
        Token t = require(what + " needs a number");
        if (t.quoted() || t.text().length() > 9 || !digits(t.text())) {
            throw error(t, what + " needs a number, not " + t.shown());
        }
        int value = Integer.parseInt(t.text());
        if (value < min || value > max) {
            throw error(t, what + " must be between " + min + " and " + max + ", not " + value);
        }
        return new Located<>(value, pos(t));
    }

    /** One of {@code words}, with a suggestion when it is close to one. */
    Token oneOf(String what, Collection<String> words) {
        Token t = require(what + " needs one of: " + String.join(", ", words));
        if (t.quoted() || !words.contains(t.text())) {
            throw error(t, "unknown " + what + " " + t.shown() + Suggest.hint(t.text(), words));
        }
        return t;
    }

    /** A name for a spec or an actor: a letter, then letters, digits, '_', '-' or '.'. */
    Token name(String what) {
        Token t = require(what + " needs a name");
        if (t.quoted() || !isName(t.text())) {
            throw error(t, what + " name " + t.shown() + " must start with a letter and use only letters, digits, _ - .");
        }
        return t;
    }

    /** Whether {@code s} is one or more ASCII digits (scanned by hand: a spec may have 30,000 numbers). */
    static boolean digits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return false;
        }
        return true;
    }

    /** Whether {@code s} is a name: an ASCII letter, then ASCII letters, digits, '_', '-' or '.'. */
    static boolean isName(String s) {
        if (s.isEmpty() || !letter(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!letter(ch) && !(ch >= '0' && ch <= '9') && ch != '_' && ch != '.' && ch != '-') return false;
        }
        return true;
    }

    private static boolean letter(char ch) {
        return ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z';
    }

    /** Fails if anything but the end of the line follows. */
    void end() {
        if (!atEnd()) {
            Token before = line.tokens().get(next - 1);
            throw error(peek(), "unexpected " + peek().shown() + " after " + (before.quoted() ? "the string" : before.shown()));
        }
    }
}
