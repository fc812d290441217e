package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the last worker expands a block ({@link CompilerShare}); that it changes no result is BlockSizeTest's. */
class CompilerShareTest {

    @Test
    void theLastWorkerStandsAsideOnlyWhenAsked() {
        CompilerShare alternate = new CompilerShare(CompilerShare.Mode.ALTERNATE, 2);
        alternate.startBlock();
        assertFalse(alternate.lastWorkerExpands());
        alternate.startBlock();
        assertTrue(alternate.lastWorkerExpands());
        CompilerShare off = new CompilerShare(CompilerShare.Mode.OFF, 2);
        off.startBlock();
        assertTrue(off.lastWorkerExpands());
        // one worker: nothing to share, whatever the compiler does
        CompilerShare one = new CompilerShare(CompilerShare.Mode.WATCH, 1);
        one.startBlock();
        assertTrue(one.lastWorkerExpands());
    }

    /** Watching, the first look comes only after a window: the first blocks are expanded by every worker. */
    @Test
    void watchingDecidesNothingBeforeAWindowHasPassed() {
        int many = Runtime.getRuntime().availableProcessors() + 1;
        CompilerShare watch = new CompilerShare(CompilerShare.Mode.WATCH, many);
        long t0 = System.nanoTime();
        watch.startBlock();
        if (System.nanoTime() - t0 < CompilerShare.WINDOW_MS * 1_000_000L) assertTrue(watch.lastWorkerExpands());
    }
}
