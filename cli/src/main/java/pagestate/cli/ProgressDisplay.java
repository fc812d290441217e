package pagestate.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import pagestate.checker.ProgressListener;

/**
 * Progress of a long exploration on stderr: shown only on a terminal, never with --quiet, and only once
 * a run has taken about two seconds.
 */
final class ProgressDisplay implements ProgressListener, AutoCloseable {

    private static final double SHOW_AFTER_SECONDS = 2.0;

    private final boolean enabled;
    private final String task;
    private ProgressBar bar;

    ProgressDisplay(boolean enabled, String task) {
        this.enabled = enabled;
        this.task = task;
    }

    static boolean onTerminal() {
        return System.console() != null;
    }

    @Override
    public synchronized void onProgress(Progress p) {
        if (!enabled || p.seconds() < SHOW_AFTER_SECONDS) return;
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" states", 1)
                    .setUpdateIntervalMillis(500).continuousUpdate().build();
        }
        bar.stepTo(p.states());
        bar.setExtraMessage(String.format(" %,.0f states/s, depth %d, queue %,d", p.statesPerSecond(), p.depth(), p.queued()));
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
