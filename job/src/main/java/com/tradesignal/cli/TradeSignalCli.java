package com.tradesignal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./tradesignal} command. Exit codes: 0 success, 1 the run failed (the reason is on stderr), 2 bad usage.
 */
@Command(name = "tradesignal", mixinStandardHelpOptions = true, version = "TradeSignal 0.1.0",
        description = "Live intraday signals for NIFTY 50, NIFTY BANK and SENSEX from the Kite tick feed, on Apache Flink.",
        subcommands = {DemoCommand.class, ReplayCommand.class, LiveCommand.class, SimulateCommand.class,
                PublisherCommand.class, FeedCommand.class, CommandLine.HelpCommand.class})
public final class TradeSignalCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new TradeSignalCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: demo, replay, live, simulate, publisher or feed");
    }
}
