package com.tradesignal.publisher.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.market.PriceTick;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Hands the records of the two topics to the board ({@link Topics} has their format). Reader thread only. */
final class BoardRecords {
    private static final Logger LOG = LoggerFactory.getLogger(BoardRecords.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final MarketBoard board;
    private final String signalsTopic;
    private long rows;
    private long prices;
    private long malformed;

    BoardRecords(MarketBoard board, String signalsTopic) {
        this.board = board;
        this.signalsTopic = signalsTopic;
    }

    /**
     * @param history the record was in the topic before the reader started (read back at start-up), not delivered now
     * @return whether it was a row handed to the board
     */
    boolean apply(ConsumerRecord<byte[], byte[]> r, boolean history) {
        Header source = r.headers().lastHeader(Topics.DATA_SOURCE_HEADER);
        if (source != null) {
            applyDataSource(new String(source.value(), StandardCharsets.UTF_8));
        }
        if (r.value() == null) {
            malformed(r, "no value");
            return false;
        }
        if (r.topic().equals(signalsTopic)) {
            String row = new String(r.value(), StandardCharsets.UTF_8);
            if (!isBoardRow(row)) return false;
            rows++;
            board.offerRow(row); // the board validates the row and counts a malformed one
            return true;
        }
        PriceTick price;
        try {
            price = PriceTickJson.parse(r.value());
        } catch (IllegalArgumentException e) {
            malformed(r, e.getMessage());
            return false;
        }
        if (history) {
            // Not a delivery: keep a price read back at start-up out of the tick-to-publish latency.
            price = new PriceTick(price.underlying(), price.kind(), price.symbol(), price.token(), price.lastPrice(),
                    price.previousClose(), price.exchangeTime(), 0);
        }
        prices++;
        board.offerPrice(price);
        return false;
    }

    long rows() {
        return rows;
    }

    long prices() {
        return prices;
    }

    /**
     * The board shows the three indices; the topic carries every instrument's rows. Reading only the token (the
     * second key) with a streaming parser skips the others cheaply and keeps them out of the board's bounded inbox.
     * A row whose token cannot be read goes to the board, which judges and counts it.
     */
    static boolean isBoardRow(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("token")) {
                    return value != JsonToken.VALUE_NUMBER_INT || InstrumentCatalog.indexUnderlying(p.getLongValue()).isPresent();
                }
                p.skipChildren();
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private void applyDataSource(String name) {
        try {
            DataSource source = DataSource.valueOf(name);
            if (board.dataSource() != source) {
                LOG.info("the data is {} (from the job's records)", source);
                board.dataSource(source);
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("unknown data source '{}' ignored", name);
        }
    }

    private void malformed(ConsumerRecord<?, ?> r, String why) {
        board.metrics().malformedRows.increment();
        // The first, then one in a thousand: a bad producer must not flood the log.
        if (malformed++ % 1000 == 0) {
            LOG.warn("malformed record skipped ({}) at {}-{} offset {}", why, r.topic(), r.partition(), r.offset());
        }
    }
}
