package pagestate.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a spec under a deadline ({@code check --max-seconds}): stopped once it passes, the same spec
 * as without one before; and the hand-written scans that replaced the regular expressions of names
 * and numbers accept exactly what those did.
 */
class DeadlineTest {

    @TempDir
    Path dir;

    /** The example with {@code readers} readers on CPU 1 (about 30 characters a reader line). */
    static String manyReaders(int readers) {
        String lines = IntStream.range(0, readers).mapToObj(i -> "reader r" + i + " on cpu 1 page 0")
                .collect(Collectors.joining("\n"));
        return Texts.EXAMPLE.replaceAll("(?m)^reader zp on cpu 1 page 0.*$", lines);
    }

    @Test
    void aDeadlineThatHasPassedStopsTheReading() throws Exception {
        Path spec = Files.writeString(dir.resolve("many.pspec"), manyReaders(30_000));
        SpecResult r = SpecLoader.load(spec, System.nanoTime());
        assertTrue(r instanceof SpecResult.Stopped s && s.file().equals(spec), r.toString());
        assertTrue(r.errors().isEmpty() && !r.ok());
    }

    @Test
    void aDeadlineAheadGivesTheSameSpecAsNone() throws Exception {
        Path spec = Files.writeString(dir.resolve("many.pspec"), manyReaders(2_000));
        SpecResult timed = SpecLoader.load(spec, System.nanoTime() + 3_600_000_000_000L);
        SpecResult untimed = SpecLoader.load(spec);
        assertTrue(timed.ok(), timed.errors().toString());
        assertEquals(((SpecResult.Loaded) untimed).spec(), ((SpecResult.Loaded) timed).spec());
        Path bad = Files.writeString(dir.resolve("bad.pspec"), manyReaders(3).replace("cpus 2", "cpus x"));
        assertEquals(SpecLoader.load(bad).errors(), SpecLoader.load(bad, System.nanoTime() + 3_600_000_000_000L).errors());
    }

    @Test
    void theScansAcceptWhatTheRegularExpressionsDid() {
        Random random = new Random(21);
        String alphabet = "aZz09_.-x \u00e9\u0661#:";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String s = b.toString();
            assertEquals(s.matches("[A-Za-z][A-Za-z0-9_.\\-]*"), Cursor.isName(s), s);
            assertEquals(s.matches("[0-9]+"), Cursor.digits(s), s);
        }
    }
}
