package com.tradesignal.job.publish;

import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.job.signals.SignalRow;
import com.tradesignal.job.signals.SignalRowJson;
import com.tradesignal.publisher.market.EmbeddedBoards;
import com.tradesignal.publisher.market.MarketBoard;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;

/**
 * Embedded mode: the three indices' signal rows to the publisher's board in this JVM. The board's inbox never blocks,
 * so a stalled or absent publisher costs the job nothing; what it could not take is counted
 * ({@code publisherRowsDropped}).
 */
public final class BoardSignalSink implements Sink<SignalRow> {
    private static final long serialVersionUID = 1L;

    private final String boardName;

    public BoardSignalSink(String boardName) {
        this.boardName = boardName;
    }

    @Override
    public SinkWriter<SignalRow> createWriter(WriterInitContext context) {
        Counter dropped = context.metricGroup().counter("publisherRowsDropped");
        return new SinkWriter<>() {
            /** Set when the board had no room for 2 s: it is not draining, so stop waiting for it (until it takes a row). */
            private boolean boardStuck;

            @Override
            public void write(SignalRow row, Context ctx) throws InterruptedException {
                if (InstrumentCatalog.indexUnderlying(row.candle.token()).isEmpty()) {
                    return; // the board shows the indices; every row still goes to the signal files and topic
                }
                MarketBoard board = board();
                if (board == null) {
                    dropped.inc();
                    return;
                }
                // A full inbox slows the job down (a replay makes rows much faster than the board applies them, and
                // its dashboard must show them all) for up to 2 s; a board that does not drain in that time is
                // stuck, and the job does not wait for it again until it takes a row.
                boolean taken = board.offerRow(SignalRowJson.toJson(row), boardStuck ? 0 : 2_000);
                boardStuck = !taken;
                if (!taken) {
                    dropped.inc();
                }
            }

            private MarketBoard board;

            /** Found once: the publisher registers its board before the job starts, and it stays for the run. */
            private MarketBoard board() {
                if (board == null) board = EmbeddedBoards.get(boardName).orElse(null);
                return board;
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
