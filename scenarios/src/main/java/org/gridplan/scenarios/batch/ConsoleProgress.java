package org.gridplan.scenarios.batch;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on a console: on a terminal, one line redrawn in place (a bar, done/total, runs per
 * second, estimated time left), at most ten times a second; otherwise (a log file, a pipe, a test)
 * plain lines {@code progress: 12/60 runs (20%), 3.1 runs/s, ETA 15 s} at every 5 % and at least
 * every 30 seconds, so a log stays short and readable.
 *
 * <p>Rates count only the runs of this session (resumed runs are done already). Written by hand
 * rather than with a progress-bar library: the line is one format call, and it keeps the shaded
 * jar free of another dependency and its terminal detection.
 */
public final class ConsoleProgress implements BatchProgress {

    private static final int BAR = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanos;
    private long startNanos;
    private long lastPrintNanos;
    private int lastPercentStep = -1;
    private int resumed;
    private boolean drewLine;

    /**
     * @param out      where to write (standard error, so standard output keeps the results)
     * @param terminal whether {@code out} is an interactive terminal
     */
    public ConsoleProgress(PrintWriter out, boolean terminal) {
        this(out, terminal, System::nanoTime);
    }

    ConsoleProgress(PrintWriter out, boolean terminal, LongSupplier nanos) {
        this.out = out;
        this.terminal = terminal;
        this.nanos = nanos;
    }

    /** Whether this JVM's standard streams are attached to a terminal. */
    public static boolean onTerminal() {
        return System.console() != null;
    }

    @Override
    public void started(int total, int resumed) {
        this.resumed = resumed;
        startNanos = nanos.getAsLong();
        lastPrintNanos = startNanos;
        if (resumed > 0) {
            out.printf(Locale.ROOT, "resuming: %d of %d runs already stored%n", resumed, total);
        }
        out.flush();
    }

    @Override
    public void committed(int done, int total) {
        long now = nanos.getAsLong();
        if (terminal) {
            if (now - lastPrintNanos >= 100_000_000L || done == total) {
                out.print("\r" + line(done, total, now, true));
                out.flush();
                drewLine = true;
                lastPrintNanos = now;
            }
            return;
        }
        int step = (int) (100L * done / total / 5);
        if (step != lastPercentStep || now - lastPrintNanos >= 30_000_000_000L || done == total) {
            lastPercentStep = step;
            lastPrintNanos = now;
            out.println(line(done, total, now, false));
            out.flush();
        }
    }

    @Override
    public void finished() {
        if (drewLine) {
            out.println();
        }
        out.flush();
    }

    private String line(int done, int total, long now, boolean bar) {
        double seconds = (now - startNanos) / 1e9;
        int fresh = done - resumed;
        double rate = seconds > 0 ? fresh / seconds : 0;
        String eta = rate > 0 ? duration((total - done) / rate) : "?";
        String text = String.format(Locale.ROOT, "%d/%d runs (%d%%), %.1f runs/s, ETA %s", done, total,
                100L * done / total, rate, eta);
        if (!bar) {
            return "progress: " + text;
        }
        int filled = (int) ((long) BAR * done / total);
        return "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + text + "   ";
    }

    /** Seconds as {@code 45 s}, {@code 3 min 05 s} or {@code 2 h 10 min}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
