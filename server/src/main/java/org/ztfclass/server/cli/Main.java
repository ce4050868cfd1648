package org.ztfclass.server.cli;

import org.ztfclass.server.store.StoreUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code install/ztfclass}. Subcommands: {@code demo}, {@code serve},
 * {@code ingest}, {@code bench}. Options that touch the store take {@code --db PATH}.
 */
@Command(name = "ztfclass", mixinStandardHelpOptions = true, version = "ztfclass 0.1.0",
        description = "Classify ZTF transients: ingest real ZTF data, serve it over HTTP and as VOTables.",
        subcommands = {DemoCommand.class, ServeCommand.class, IngestCommand.class, FunnelCommand.class, GenerateCommand.class, TrainCommand.class, EvaluateCommand.class, ScoreCommand.class, InitialSetCommand.class, SimulateCommand.class, RetrainCommand.class, BenchCommand.class, CrossmatchCommand.class, UserCommand.class, BackupCommand.class, RestoreCommand.class, StreamCommand.class, StreamReplayCommand.class, KafkaDevCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * @return the command line of {@code install/ztfclass}: a store that cannot be used (a malformed
     *     {@code --db}, a PostgreSQL server that cannot be reached) is reported in one line naming the
     *     subcommand, exit status 2, without a stack trace
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof StoreUnavailableException unavailable) {
                    line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + unavailable.getMessage());
                    return 2;
                }
            }
            throw e;
        });
        return cl;
    }
}
