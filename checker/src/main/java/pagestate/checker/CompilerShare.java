package pagestate.checker;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Leaves a processor to the JIT compiler while it is busy. When the workers take every processor, a cold
 * run's compiler threads compete with them, and a level's expansion waits for its slowest worker: on a
 * 2-processor machine the 8-CPU bench took longer on two workers than on one in a fresh JVM
 * (docs/performance.md). So, when the compiler used more than half of the wall time since the last block
 * began, the next block is expanded by one worker fewer. How many workers expand a block changes no
 * result: a worker that takes no chunk is one that found none left.
 */
final class CompilerShare {

    /** {@link #WATCH}: by the compiler's time; {@link #OFF}: every worker; {@link #ALTERNATE}: one fewer every other block (tests). */
    enum Mode { WATCH, OFF, ALTERNATE }

    /** The compiler is busy when its time since the last block is above this share of the wall time. */
    static final double BUSY = 0.5;

    private final Mode mode;
    private final CompilationMXBean jit;
    private long lastWall;
    private long lastCompile;
    private int blocks;

    /** For {@code workers} workers: watching the compiler only when they take every processor. */
    CompilerShare(Mode mode, int workers) {
        CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
        boolean watch = mode == Mode.WATCH && workers > 1 && workers >= Runtime.getRuntime().availableProcessors()
                && bean != null && bean.isCompilationTimeMonitoringSupported();
        this.mode = watch || mode == Mode.ALTERNATE ? mode : Mode.OFF;
        this.jit = watch ? bean : null;
        if (watch) {
            lastWall = System.nanoTime();
            lastCompile = bean.getTotalCompilationTime();
        }
    }

    /** How many of the {@code workers} expand the next block. */
    int expanders(int workers) {
        if (workers < 2) return workers;
        return switch (mode) {
            case OFF -> workers;
            case ALTERNATE -> (blocks++ & 1) == 0 ? workers - 1 : workers;
            case WATCH -> {
                long wall = System.nanoTime();
                long compile = jit.getTotalCompilationTime();   // milliseconds, every compiler thread's
                boolean busy = (compile - lastCompile) * 1e6 > BUSY * (wall - lastWall);
                lastWall = wall;
                lastCompile = compile;
                yield busy ? workers - 1 : workers;
            }
        };
    }
}
