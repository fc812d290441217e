package pagestate.specs;

/** One word, quoted string or ':' of a line, with its 1-based column. */
record Token(String text, int col, boolean quoted) {

    boolean is(String word) {
        return !quoted && text.equals(word);
    }

    /** The text as it may appear in a message: control characters escaped, long words cut. */
    String shown() {
        return Suggest.show(text);
    }
}
