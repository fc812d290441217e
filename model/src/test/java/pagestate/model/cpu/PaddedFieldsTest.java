package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.PaddedFields;

/**
 * The objects a worker writes for every state it expands keep their written fields off every other
 * object's cache lines ({@link PaddedFields}): in the layout this JVM gives them (field offsets from
 * {@code sun.misc.Unsafe}), the fields of the class between {@link PaddedFields} and the last one start
 * at least 64 bytes into the object, and the last class's longs come after them and end at least 64
 * bytes after them. A field declared in the last class, or a layout that put one before the padding,
 * fails it.
 */
class PaddedFieldsTest {

    private static final int LINE = 64;

    @Test
    void writtenFieldsShareNoCacheLineWithAnotherObject() throws ReflectiveOperationException {
        for (Class<?> c : List.of(SuccessorCall.class, PackedEdit.class)) {
            Class<?> fields = c.getSuperclass();
            assertEquals(PaddedFields.class, fields.getSuperclass(),
                    c + ": the class with the fields extends PaddedFields");
            long firstWritten = Long.MAX_VALUE;
            long lastWritten = 0;
            for (Field f : instanceFields(fields)) {
                firstWritten = Math.min(firstWritten, offset(f));
                lastWritten = Math.max(lastWritten, offset(f) + size(f));
            }
            List<Field> pads = instanceFields(c);
            assertEquals(PaddedFields.PAD_LONGS, pads.size(), c + " declares its padding and nothing else");
            long padStart = Long.MAX_VALUE;
            long padEnd = 0;
            for (Field f : pads) {
                assertEquals(long.class, f.getType(), f + " is padding");
                padStart = Math.min(padStart, offset(f));
                padEnd = Math.max(padEnd, offset(f) + size(f));
            }
            assertTrue(firstWritten >= LINE, c + ": the first written field is at " + firstWritten);
            assertTrue(padStart >= lastWritten,
                    c + ": padding at " + padStart + ", before a field ending at " + lastWritten);
            assertTrue(padEnd - lastWritten >= LINE, c + ": " + (padEnd - lastWritten) + " bytes after the fields");
        }
    }

    private static List<Field> instanceFields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) if (!Modifier.isStatic(f.getModifiers())) out.add(f);
        return out;
    }

    private static long offset(Field f) throws ReflectiveOperationException {
        return (long) unsafe().getClass().getMethod("objectFieldOffset", Field.class).invoke(unsafe(), f);
    }

    /** A field's bytes; a reference's as this JVM stores it (4 with compressed pointers). */
    private static long size(Field f) throws ReflectiveOperationException {
        Class<?> t = f.getType();
        if (t == long.class || t == double.class) return 8;
        if (t == int.class || t == float.class) return 4;
        if (t == short.class || t == char.class) return 2;
        if (t == byte.class || t == boolean.class) return 1;
        return (int) unsafe().getClass().getMethod("arrayIndexScale", Class.class).invoke(unsafe(), Object[].class);
    }

    private static Object unsafe() throws ReflectiveOperationException {
        Field theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        return theUnsafe.get(null);
    }
}
