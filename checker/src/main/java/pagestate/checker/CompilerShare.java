package pagestate.checker;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Leaves a processor to the JIT compiler while it is busy. When the workers take every processor, a cold
 * run's compiler threads compete with them, and a level's expansion waits for its slowest worker: on a
 * 2-processor machine the 8-CPU bench took longer on two workers than on one in a fresh JVM
 * (docs/performance.md). So when the compiler used more than half of the wall time since the last look
 * (at least {@value #WINDOW_MS} ms before), the last worker takes no chunk of the next blocks to expand,
 * until a look finds it idle again. The compiler's clock counts whole compilations as they end, so a short
 * window would see either nothing or a burst. Who expands which chunk changes no result: a worker that
 * takes no chunk is one that found none left.
 */
final class CompilerShare {

    /** {@link #WATCH}: by the compiler's time; {@link #OFF}: never; {@link #ALTERNATE}: every other block (tests). */
    enum Mode { WATCH, OFF, ALTERNATE }

    /** The compiler is busy when its time since the last look is above this share of the wall time. */
    static final double BUSY = 0.5;
    /** The shortest wall time between two looks at the compiler's time. */
    static final int WINDOW_MS = 50;

    private final Mode mode;
    private final CompilationMXBean jit;
    private long lastWall;
    private long lastCompile;
    private boolean aside;

    /** For {@code workers} workers: watching the compiler only when there are several and they take every processor. */
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

    /** Before a block's expansion: decides whether the last worker expands it ({@link #lastWorkerExpands}). */
    void startBlock() {
        switch (mode) {
            case OFF -> aside = false;
            case ALTERNATE -> aside = !aside;
            case WATCH -> {
                long wall = System.nanoTime();
                if (wall - lastWall >= WINDOW_MS * 1_000_000L) {
                    long compile = jit.getTotalCompilationTime();   // milliseconds, every compiler thread's
                    aside = (compile - lastCompile) * 1e6 > BUSY * (wall - lastWall);
                    lastWall = wall;
                    lastCompile = compile;
                }
            }
        }
    }

    /** Whether the last of several workers takes chunks of the block started last (the others always do). */
    boolean lastWorkerExpands() {
        return !aside;
    }
}
