package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongSupplier;
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

    /**
     * A worker standing aside joins the block's expansion at the first look that finds the compiler idle,
     * and leaves when no chunk is left while it stays busy; under ALTERNATE it stands aside for the whole
     * block. A fake wall clock moves 60 ms (more than a window) per reading; the compiler's clock is set by the test.
     */
    @Test
    void aWorkerStandingAsideJoinsWhenTheCompilerGoesIdle() {
        long[] wall = {0};
        long[] compiled = {0};
        LongSupplier wallNanos = () -> wall[0] += 60_000_000L;
        CompilerShare share = new CompilerShare(CompilerShare.Mode.WATCH, 2, () -> compiled[0], wallNanos, 2);
        compiled[0] = 1_000;   // compiling all the time since the start
        share.startBlock();
        assertFalse(share.lastWorkerExpands());
        // idle from now on: the next look, a window later, lets it expand what is left
        assertTrue(share.waitWhileBusy(() -> true));
        share.startBlock();
        assertTrue(share.lastWorkerExpands());

        CompilerShare busy = new CompilerShare(CompilerShare.Mode.WATCH, 2, () -> compiled[0] += 1_000, wallNanos, 2);
        busy.startBlock();
        assertFalse(busy.lastWorkerExpands());
        int[] asked = {0};
        assertFalse(busy.waitWhileBusy(() -> ++asked[0] < 20));   // still compiling when the chunks run out
        assertEquals(20, asked[0]);

        CompilerShare alternate = new CompilerShare(CompilerShare.Mode.ALTERNATE, 2);
        alternate.startBlock();
        assertFalse(alternate.waitWhileBusy(() -> true));
        // fewer workers than processors: nothing to share
        CompilerShare spare = new CompilerShare(CompilerShare.Mode.WATCH, 2, () -> compiled[0] += 1_000, wallNanos, 4);
        spare.startBlock();
        assertTrue(spare.lastWorkerExpands());
    }
}
