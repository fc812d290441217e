package pagestate.checker;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall and processor time per phase of one check, for whoever tunes the engine: printed to standard
 * error at the end of a check when the system property {@code pagestate.phases} is set (e.g.
 * {@code PAGESTATE_JAVA_OPTS=-Dpagestate.phases ./pagestate check ...}); otherwise it does nothing.
 * Each phase is a sum over its calls; the processor time is the whole process's (every thread, the
 * collector's too), which a shared machine's load does not inflate as it does the wall time.
 */
final class PhaseClock {

    private static final boolean ON = System.getProperty("pagestate.phases") != null;

    private final Map<String, long[]> nanos = ON ? new LinkedHashMap<>() : null;
    private long lastWall = ON ? System.nanoTime() : 0;
    private long lastCpu = ON ? cpu() : 0;

    private static long cpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Charges the time since the previous mark (or the clock's start) to {@code phase}. */
    void mark(String phase) {
        if (!ON) return;
        long wall = System.nanoTime();
        long cpu = cpu();
        long[] t = nanos.computeIfAbsent(phase, p -> new long[2]);
        t[0] += wall - lastWall;
        t[1] += cpu - lastCpu;
        lastWall = wall;
        lastCpu = cpu;
    }

    /** Prints the phases to standard error, one a line. */
    void print() {
        if (!ON) return;
        for (Map.Entry<String, long[]> e : nanos.entrySet()) {
            System.err.printf("pagestate phase %-18s wall %8.3f s  cpu %8.3f s%n", e.getKey(),
                    e.getValue()[0] / 1e9, e.getValue()[1] / 1e9);
        }
    }
}
