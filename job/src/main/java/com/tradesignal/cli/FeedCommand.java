package com.tradesignal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.kite.feed.FeedControlFile;
import com.tradesignal.kite.feed.FeedStatusFiles;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.market.FeedSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./tradesignal feed start|stop|auto|status}: the operator's switch, read by running feeds within a second. */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = {"start: connect now, whatever the calendar says; stop: disconnect and stay off; "
                + "auto: follow the calendar (08:55-15:35 IST on trading days); status: every connection's state."})
final class FeedCommand implements Callable<Integer> {
    enum Action { start, stop, auto, status }

    @Parameters(index = "0", description = "start, stop, auto or status")
    Action action;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Default: ~/.tradesignal.")
    Path stateDir;

    @Override
    public Integer call() throws Exception {
        StateDirectory state = stateDir != null ? new StateDirectory(stateDir) : StateDirectory.defaultLocation();
        FeedControlFile control = new FeedControlFile(state.controlFile());
        switch (action) {
            case start -> control.write(FeedSchedule.Override.FORCE_ON, "cli");
            case stop -> control.write(FeedSchedule.Override.FORCE_OFF, "cli");
            case auto -> control.write(FeedSchedule.Override.NONE, "cli");
            case status -> {
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of(
                        "override", control.read().name(), "feeds", FeedStatusFiles.readAll(state.statusDirectory()))));
                return 0;
            }
        }
        System.out.println("feed switch: " + control.read() + " (" + control.file() + ")");
        return 0;
    }
}
