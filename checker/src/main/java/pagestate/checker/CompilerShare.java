package pagestate.checker;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Leaves a processor to the JIT compiler while it is busy. When the workers take every processor, a cold
 * run's compiler threads compete with them, and a level's expansion waits for its slowest worker: on a
 * 2-processor machine the 8-CPU bench took longer on two workers than on one in a fresh JVM
 * (docs/performance.md). So when the compiler used more than half of the wall time since the last look
 * (at least {@value #WINDOW_MS} ms before), the last worker stands aside: it takes no chunk of the block
 * until a look, every window, finds the compiler idle again ({@link #waitWhileBusy}). The compiler's
 * clock counts whole compilations as they end, so a short window would see either nothing or a burst.
 * Who expands which chunk changes no result: a worker that takes no chunk is one that found none left.
 */
final class CompilerShare {

    /** {@link #WATCH}: by the compiler's time; {@link #OFF}: never; {@link #ALTERNATE}: every other block, whole (tests). */
    enum Mode { WATCH, OFF, ALTERNATE }

    /** The compiler is busy when its time since the last look is above this share of the wall time. */
    static final double BUSY = 0.5;
    /** The shortest wall time between two looks at the compiler's time. */
    static final int WINDOW_MS = 50;
    /** How often a worker standing aside asks whether chunks are left. */
    private static final long NAP_NANOS = 500_000;

    private final Mode mode;
    /** The compiler's total time in milliseconds, and the wall clock in nanoseconds. */
    private final LongSupplier compileMillis;
    private final LongSupplier wallNanos;
    private long lastWall;
    private long lastCompile;
    private boolean aside;

    /** For {@code workers} workers: watching the compiler only when there are several and they take every processor. */
    CompilerShare(Mode mode, int workers) {
        this(mode, workers, compilerClock(), System::nanoTime, Runtime.getRuntime().availableProcessors());
    }

    /**
     * With the compiler's clock {@code compileMillis} (null: none to watch) and the wall clock, on a machine of
     * {@code processors}.
     */
    CompilerShare(Mode mode, int workers, LongSupplier compileMillis, LongSupplier wallNanos, int processors) {
        boolean watch = mode == Mode.WATCH && workers > 1 && workers >= processors && compileMillis != null;
        this.mode = watch || mode == Mode.ALTERNATE ? mode : Mode.OFF;
        this.compileMillis = compileMillis;
        this.wallNanos = wallNanos;
        if (watch) {
            lastWall = wallNanos.getAsLong();
            lastCompile = compileMillis.getAsLong();
        }
    }

    private static LongSupplier compilerClock() {
        CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
        return bean != null && bean.isCompilationTimeMonitoringSupported() ? bean::getTotalCompilationTime : null;
    }

    /** Before a block's expansion: decides whether the last worker expands it ({@link #lastWorkerExpands}). */
    void startBlock() {
        switch (mode) {
            case OFF -> aside = false;
            case ALTERNATE -> aside = !aside;
            case WATCH -> look();
        }
    }

    /** Looks at the compiler's time when a window has passed since the last look. */
    private void look() {
        long wall = wallNanos.getAsLong();
        if (wall - lastWall < WINDOW_MS * 1_000_000L) return;
        long compile = compileMillis.getAsLong();   // milliseconds, every compiler thread's
        aside = (compile - lastCompile) * 1e6 > BUSY * (wall - lastWall);
        lastWall = wall;
        lastCompile = compile;
    }

    /** Whether the last of several workers takes chunks of the block started last (the others always do). */
    boolean lastWorkerExpands() {
        return !aside;
    }

    /**
     * For the last worker, standing aside: waits while the compiler is busy (watching, a look every window)
     * and {@code chunksLeft}. Returns true when it should expand what is left of the block (the compiler
     * went idle), false when no chunk is left, or under {@link Mode#ALTERNATE} (it stands aside for the
     * whole block). A compilation that ends in a warm run (the 8-CPU bench's largest level, once per run
     * or less) thus costs a window of one worker, not the rest of the block (192 of 640 ms).
     */
    boolean waitWhileBusy(BooleanSupplier chunksLeft) {
        if (mode != Mode.WATCH) return false;
        while (chunksLeft.getAsBoolean()) {
            look();
            if (!aside) return true;
            LockSupport.parkNanos(NAP_NANOS);
        }
        return false;
    }
}
