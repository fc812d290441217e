package pagestate.specs;

/** The indented lines under a {@code converter} or {@code edit} line. */
interface Body {
    void line(Cursor c);

    /** Called at the first non-indented line (or the end of the file): check and record what was read. */
    void close();

    boolean isEdit();
}
