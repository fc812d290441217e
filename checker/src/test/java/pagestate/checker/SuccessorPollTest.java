package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A buffer that could not be grown before the time limit is not grown: the search stops on time first. */
class SuccessorPollTest {

    @Test
    void anAllocationThatCannotEndInTimeStopsTheSearch() {
        RunLimits limits = new RunLimits(CheckerConfig.defaults().withMaxSeconds(10));
        SuccessorPoll poll = new SuccessorPoll();
        poll.watch(limits);
        poll.beforeAllocating(100_000_000L);   // half a second at the slow rate: it fits
        assertFalse(limits.stopped());
        assertThrows(SuccessorPoll.TimeUp.class, () -> poll.beforeAllocating(4_000_000_000L));   // 20 s
        assertEquals("max-seconds 10", limits.stopReason());
    }

    @Test
    void withoutATimeLimitAnyAllocationGoesAhead() {
        RunLimits limits = new RunLimits(CheckerConfig.defaults());
        SuccessorPoll poll = new SuccessorPoll();
        poll.watch(limits);
        poll.beforeAllocating(Long.MAX_VALUE);
        assertFalse(limits.stopped());
    }
}
