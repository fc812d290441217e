package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-seconds} stops a run whose state space is far too large for it, whatever else is set:
 * exit 3, the spec and the summary say incomplete and name the limit, every verdict not found is
 * unknown. (How close to the bound it stops is measured with the command, not here: see
 * docs/performance.md.)
 */
class TimeLimitTest {

    @TempDir
    Path dir;

    @Test
    void aLargeUnreducedBenchStopsOnTheTimeLimit() {
        Path spec = Path.of("..", "specs", "bench", "tdx-generic-to-shared-8cpu.pspec");
        CliTest.Run r = CliTest.run("check", "--no-reduction", "--threads", "2", "--max-seconds", "1", spec.toString());
        stoppedByTheTimeLimit(r, spec, "max-seconds 1");
    }

    @Test
    void aThousandReadersStopOnTheTimeLimitBeforeTheStateLimit() throws Exception {
        // the spec of issue 21: 1,001 readers, a state limit far beyond what the time allows
        String readers = IntStream.range(0, 1001).mapToObj(i -> "reader zp" + i + " on cpu 1 page 0")
                .collect(Collectors.joining("\n"));
        String text = Files.readString(Path.of("..", "specs", "catalog", "cpu", "tdx-generic-to-shared.pspec"))
                .replaceAll("(?m)^spec .*$", "spec readers-1001")
                .replaceAll("(?m)^reader zp on cpu 1 page 0.*$", readers);
        Path spec = dir.resolve("readers.pspec");
        Files.writeString(spec, text);
        CliTest.Run r = CliTest.run("check", "--max-seconds", "0.5", "--max-states", "200000", spec.toString());
        stoppedByTheTimeLimit(r, spec, "max-seconds 0.5");
    }

    private static void stoppedByTheTimeLimit(CliTest.Run r, Path spec, String limit) {
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(spec + ": incomplete, stopped by " + limit), r.err());
        assertTrue(r.out().contains("incomplete (stopped by " + limit + ")"), r.out());
        assertTrue(r.out().lines().filter(l -> l.matches(" +\\w+ +\\S+ +(holds|violated)( .*)?"))
                .noneMatch(l -> l.contains("NOT MET")), r.out());
    }
}
