package org.ztfclass.server.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.ztfclass.models.neural.TrainingProgress;

/**
 * One console progress bar per branch being trained, on standard error: redrawn in place on a
 * terminal, a line per fifth of the branch's epochs otherwise (logs, CI).
 */
final class BranchProgressBar implements TrainingProgress {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private final Map<String, Integer> lastFifth = new HashMap<>();

    BranchProgressBar(PrintStream out) {
        this.out = out;
        this.terminal = System.console() != null;
    }

    @Override
    public void step(String branch, int done, int total) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String bar = String.format("%-8s [%s%s] %d/%d", branch, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total);
        if (terminal) {
            out.print("\r" + bar + (done == total ? System.lineSeparator() : ""));
            out.flush();
        } else {
            int fifth = total == 0 ? 5 : done * 5 / total;
            if (!Integer.valueOf(fifth).equals(lastFifth.put(branch, fifth))) {
                out.println(bar);
            }
        }
    }
}
