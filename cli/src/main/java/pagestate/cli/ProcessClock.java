package pagestate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * When this process started, on the {@link System#nanoTime} clock, so that {@code --max-seconds} counts
 * the JVM's start too. On Linux from {@code /proc}: the process's start in clock ticks since boot
 * ({@code /proc/self/stat}, field 22, proc(5)) against the time since boot ({@code /proc/uptime}), to
 * 10 ms; {@link ProcessHandle.Info#startInstant()} alone is to the second (the boot time it adds is).
 */
final class ProcessClock {
    /** Clock ticks per second of {@code /proc/self/stat} (USER_HZ, 100 on Linux's common architectures). */
    private static final double TICKS = 100;

    private ProcessClock() { }

    /** The process's start on the {@link System#nanoTime} clock, or 0 when it is not known. */
    static long startNanos() {
        long now = System.nanoTime();
        double fromProc = secondsSinceStartFromProc();
        double fromHandle = ProcessHandle.current().info().startInstant()
                .map(t -> Duration.between(t, Instant.now()).toNanos() / 1e9).orElse(-1.0);
        double since;
        if (fromProc >= 0 && (fromHandle < 0 || Math.abs(fromProc - fromHandle) < 2)) since = fromProc;
        else if (fromHandle >= 0) since = fromHandle;
        else return 0;
        return now - (long) (Math.max(0, since) * 1e9);
    }

    /** Seconds since the process started, from /proc, or -1. */
    private static double secondsSinceStartFromProc() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // the command name (field 2) is in parentheses and may hold spaces: count from after it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            double started = Long.parseLong(fields[19]) / TICKS;   // field 22 is the 20th after the name
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII).trim();
            double up = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            double since = up - started;
            return since >= 0 && since < 3600 ? since : -1;
        } catch (IOException | RuntimeException e) {
            return -1;   // not Linux, or a /proc this does not know: the handle's start is used
        }
    }
}
