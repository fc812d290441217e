package pagestate.model;

/**
 * Sixty-four bytes before the fields of a subclass: for an object a worker thread writes for every state
 * it expands. The class that extends the one with those fields declares {@link #PAD_LONGS} longs and
 * nothing else, so that they come after them. HotSpot lays out a superclass's fields before its
 * subclass's, and the {@code int} here takes the gap after the object header; so the written fields are
 * at least 64 bytes from either end of the object, and no other object shares their cache line. The
 * collector moves the workers' objects side by side, and a line two workers write to costs each a miss
 * for every write: two threads took up to 1.5 times as long as they did with every object on lines
 * of its own ({@code -XX:ObjectAlignmentInBytes=128}).
 */
public abstract class PaddedFields {
    /** The longs the last subclass declares. */
    public static final int PAD_LONGS = 8;
    /** Elements of padding at either end of an array written for every successor. */
    public static final int PAD_ELEMENTS = 16;
    int gap;
    long b0, b1, b2, b3, b4, b5, b6, b7;
}
