package pagestate.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs one phase on every worker and waits for all of them (a barrier between phases). Worker 0 is
 * the calling thread; with one worker no thread is started.
 */
final class Workers implements AutoCloseable {

    private final int count;
    private final ExecutorService pool;

    Workers(int count) {
        this.count = count;
        this.pool = count > 1 ? Executors.newFixedThreadPool(count - 1, r -> {
            Thread t = new Thread(r, "pagestate-checker-worker");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    int count() {
        return count;
    }

    /** Runs {@code task.accept(worker)} for every worker and returns when all are done. */
    void run(IntConsumer task) {
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 1; w < count; w++) {
            int worker = w;
            futures.add(pool.submit(() -> task.accept(worker)));
        }
        Throwable failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) failure = e;
            }
        }
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
        if (failure != null) throw new IllegalStateException(failure);
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
