package org.ztfclass.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.ztfclass.server.ingest.IngestProgress;

/**
 * A console progress bar on standard error: redrawn in place on a terminal, a line per tenth of
 * the work otherwise (logs, CI).
 */
final class ConsoleProgress implements IngestProgress {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private int lastDecile = -1;

    ConsoleProgress(PrintStream out) {
        this.out = out;
        this.terminal = System.console() != null;
    }

    @Override
    public void fileDone(int done, int total, Path file) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String bar = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + (file == null ? "" : " files");
        if (terminal) {
            out.print("\r" + bar + (done == total ? System.lineSeparator() : ""));
            out.flush();
        } else {
            int decile = total == 0 ? 10 : done * 10 / total;
            if (decile != lastDecile) {
                lastDecile = decile;
                out.println(bar);
            }
        }
    }
}
