package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The trace store's chunks, reserved one by one or by tasks that run in any order on several threads. */
class TraceStoreTest {

    @Test
    void chunksReservedByTasksOnSeveralThreadsHoldEveryIndex() {
        Random rnd = new Random(3);
        TraceStore store = new TraceStore();
        store.reserve(70_000);   // two chunks reserved the plain way first
        long total = 70_000;
        try (Workers pool = new Workers(3)) {
            for (long target : new long[] {70_001, 1_500_000, 1_500_000, 2_700_000}) {
                List<Runnable> tasks = new ArrayList<>(store.reserveTasks(target));
                Collections.shuffle(tasks, rnd);
                AtomicInteger next = new AtomicInteger();
                pool.run(w -> {
                    int t;
                    while ((t = next.getAndIncrement()) < tasks.size()) tasks.get(t).run();
                });
                total = target;
            }
        }
        for (int i = 0; i < total; i++) store.set(i, i - 1, i % 251);
        store.widen(1_000_000, 1_000_002);
        store.set(1_000_001, 1_000_000, 60_000);
        for (int i = 0; i < total; i++) {
            assertEquals(i - 1, store.parent(i), "parent of " + i);
            assertEquals(i == 1_000_001 ? 60_000 : i % 251, store.action(i), "action of " + i);
        }
        // 42 chunks of 65,536 parents (4 bytes) and actions (1 byte; one chunk widened to 2), and the indices
        long chunks = 42L * 65_536 * 5 + 65_536;
        long bytes = store.allocatedBytes();
        assertTrue(bytes >= chunks && bytes < chunks + 4_096, bytes + " bytes");
    }
}
