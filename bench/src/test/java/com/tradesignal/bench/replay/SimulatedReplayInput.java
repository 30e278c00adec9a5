package com.tradesignal.bench.replay;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.instrument.KiteInstrumentsCsvWriter;
import com.tradesignal.market.SessionHours;
import com.tradesignal.sim.SimulatedInstrument;
import com.tradesignal.sim.SimulatedSession;
import com.tradesignal.sim.TickCsvWriter;
import com.tradesignal.tick.Tick;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A small SIMULATED input for the baseline tests: two trading days (so pivots, day rollover and the per-day volume
 * reset are exercised), pre-open and the first 105 minutes of each session at 0.5 ticks a second, for the six
 * default instruments, three synthetic futures and a NIFTY call and put (made from the future's ticks, so that the
 * PCR path of the underlying engine runs), with a Kite instruments dump naming all of them.
 */
final class SimulatedReplayInput {
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 13));
    /** Pre-open 09:00, open 09:15 (the job's hours), but the simulation stops at 11:00 to keep the test short. */
    static final SessionHours SHORT_DAY = new SessionHours(LocalTime.of(9, 0), LocalTime.of(9, 15), LocalTime.of(11, 0));
    /** Two strikes: the PCR needs the strike step, the smallest gap between listed strikes. */
    static final double[] STRIKES = {24_900, 24_950};

    final List<Path> tickFiles = new ArrayList<>();
    final Path instruments;
    long ticks;

    SimulatedReplayInput(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<SimulatedInstrument> simulated = new ArrayList<>(SimulatedInstrument.defaults());
        simulated.addAll(SimulatedInstrument.synthetic(3));
        for (LocalDate day : DAYS) {
            SimulatedSession session = SimulatedSession.builder(day).instruments(simulated).sessionHours(SHORT_DAY)
                    .ticksPerSecond(0.5).build();
            Path file = dir.resolve("ticks-" + day + ".csv");
            Path options = dir.resolve("options-" + day + ".csv");
            try (TickCsvWriter all = TickCsvWriter.open(file); TickCsvWriter opt = TickCsvWriter.open(options)) {
                for (Tick t : session) {
                    all.write(t);
                    if (t.token == SimulatedInstrument.NIFTY_SIM_FUT_TOKEN) {
                        for (int k = 0; k < STRIKES.length; k++) {
                            opt.write(option(t, optionToken(k, false), Math.max(0, t.lastPrice - STRIKES[k]) + 40));
                            opt.write(option(t, optionToken(k, true), Math.max(0, STRIKES[k] - t.lastPrice) + 40));
                        }
                    }
                }
                ticks += all.count() + opt.count();
            }
            tickFiles.add(file);
            tickFiles.add(options);
        }
        List<Instrument> catalog = new ArrayList<>();
        for (SimulatedInstrument i : simulated) {
            catalog.add(i.toInstrument(DAYS.get(0)));
        }
        LocalDate expiry = LocalDate.of(2026, 3, 31);
        for (int k = 0; k < STRIKES.length; k++) {
            for (boolean put : new boolean[]{false, true}) {
                long token = optionToken(k, put);
                catalog.add(new Instrument(token, token >>> 8, optionSymbol(k, put), "NIFTY", "NFO", "NFO-OPT",
                        put ? InstrumentType.PE : InstrumentType.CE, expiry, STRIKES[k], 0.05, 65));
            }
        }
        instruments = dir.resolve("instruments.csv");
        Files.writeString(instruments, KiteInstrumentsCsvWriter.toCsv(catalog));
    }

    /** Simulated-style tokens (low byte 0, so no real Kite token): 920001·256 upward. */
    private static long optionToken(int strike, boolean put) {
        return (920_001L + 2L * strike + (put ? 1 : 0)) << 8;
    }

    private static String optionSymbol(int strike, boolean put) {
        return "NIFTY-SIM-" + (long) STRIKES[strike] + (put ? "PE" : "CE");
    }

    /** An option tick at the future's time; its open interest drifts with the minute so the PCR moves. */
    private static Tick option(Tick future, long token, double price) {
        long minute = future.exchangeTime / 60_000L;
        long oi = 50_000 + (token % 7 + 3) * (minute % 97) * 65;
        return Tick.builder(token, future.exchangeTime, Math.round(price * 20) / 20.0)
                .volume(future.volume / 3).openInterest(oi).build();
    }
}
