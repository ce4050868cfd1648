package org.ztfclass.server.cli;

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
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
