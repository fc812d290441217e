package pagestate.cli;

import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressState;
import pagestate.checker.ProgressListener;

/**
 * Progress on stderr, one line of at most {@value #WIDTH} columns that names the phase: "safety" while
 * the breadth-first search reports, "liveness" once it has gone quiet (the liveness passes and the
 * replay of counterexamples, which report nothing), "report" while diagrams are drawn. Shown only on a
 * terminal, never with --quiet, and only once a run has taken about two seconds. The progressbar library
 * refreshes the line; its renderer is ours, so that the line is composed to fit and never cut.
 */
final class ProgressDisplay implements ProgressListener, AutoCloseable {

    /** Columns of the line: fits an 80-column terminal with the cursor. */
    static final int WIDTH = 79;
    private static final double SHOW_AFTER_SECONDS = 2.0;
    private static final long QUIET_NANOS = 2_500_000_000L;

    private final boolean enabled;
    private final String subject;
    private final long start = System.nanoTime();
    private ProgressBar bar;
    private volatile String status = "";
    private volatile long lastReport = System.nanoTime();
    private volatile long states;
    private volatile boolean searching;

    ProgressDisplay(boolean enabled, String subject) {
        this.enabled = enabled;
        this.subject = subject;
    }

    static boolean onTerminal() {
        return System.console() != null;
    }

    @Override
    public synchronized void onProgress(Progress p) {
        lastReport = System.nanoTime();
        searching = true;
        states = p.states();
        status = String.format(Locale.ROOT, "safety: %,d states, %,.0f states/s, depth %d", p.states(),
                p.statesPerSecond(), p.depth());
        if (p.seconds() >= SHOW_AFTER_SECONDS) show(p.states());
    }

    /** {@code done} of {@code total} items (e.g. diagrams) made in the "report" phase. */
    synchronized void onItems(int done, int total, double seconds, String unit) {
        lastReport = System.nanoTime();
        searching = false;
        status = String.format(Locale.ROOT, "report: %d of %d %s, %.0f per s", done, total, unit,
                seconds > 0 ? done / seconds : 0);
        if (seconds >= SHOW_AFTER_SECONDS / 2) show(done);
    }

    /** The line shown now: the status, "liveness" once the search is quiet, and the subject if it fits. */
    String line() {
        String text = status;
        if (searching && System.nanoTime() - lastReport > QUIET_NANOS) {
            text = String.format(Locale.ROOT, "liveness and traces, after %,d states", states);
        }
        text += String.format(Locale.ROOT, ", %ds", (System.nanoTime() - start) / 1_000_000_000L);
        return fit(text, subject);
    }

    /** {@code status}, then {@code subject} when both fit in {@value #WIDTH} columns. */
    static String fit(String status, String subject) {
        String both = subject + " " + status;
        return both.length() <= WIDTH ? both : status.length() <= WIDTH ? status : status.substring(0, WIDTH);
    }

    private void show(long current) {
        if (!enabled) return;
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(subject).setInitialMax(-1)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err, WIDTH))
                    .setRenderer((ProgressState state, int max) -> line())
                    .setUpdateIntervalMillis(500).continuousUpdate().build();
        }
        bar.stepTo(current);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
