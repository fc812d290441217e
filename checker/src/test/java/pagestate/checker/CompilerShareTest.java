package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many workers expand a block ({@link CompilerShare}); that the number changes no result is BlockSizeTest's. */
class CompilerShareTest {

    @Test
    void oneWorkerFewerAtMostAndNeverNone() {
        CompilerShare alternate = new CompilerShare(CompilerShare.Mode.ALTERNATE, 3);
        assertEquals(2, alternate.expanders(3));
        assertEquals(3, alternate.expanders(3));
        assertEquals(2, alternate.expanders(3));
        assertEquals(1, new CompilerShare(CompilerShare.Mode.ALTERNATE, 1).expanders(1));
        assertEquals(2, new CompilerShare(CompilerShare.Mode.OFF, 2).expanders(2));
        // one worker leaves nothing to share; more workers than processors leave at most one processor
        assertEquals(1, new CompilerShare(CompilerShare.Mode.WATCH, 1).expanders(1));
        int many = Runtime.getRuntime().availableProcessors() + 1;
        CompilerShare watch = new CompilerShare(CompilerShare.Mode.WATCH, many);
        for (int block = 0; block < 10; block++) {
            int n = watch.expanders(many);
            assertEquals(true, n == many || n == many - 1, "expanders " + n + " of " + many);
        }
    }
}
