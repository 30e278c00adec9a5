package com.tradesignal.kite.rest;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.kite.auth.AccessToken;

import java.util.List;

/**
 * The Kite REST calls TradeSignal makes. {@link KiteRestClient} implements them with the kiteconnect artifact.
 *
 * <p>Every call that needs a session throws {@link KiteAuthException} when Kite answers with a
 * {@code TokenException} (403), so the caller can go to LOGIN_REQUIRED at once instead of retrying.
 */
public interface KiteRest {

    /** The login page URL for this API key; {@code state} comes back on the callback through {@code redirect_params}. */
    String loginUrl(String state);

    /** Exchanges a request token for an access token (checksum = SHA-256 of api_key + request_token + api_secret). */
    AccessToken generateSession(String requestToken, String apiSecret);

    /** The day's instrument dump of one exchange (NSE, BSE, NFO, BFO, ...). */
    List<Instrument> instruments(String exchange, AccessToken session);

    /** One-minute candles of one instrument, {@code from} and {@code to} inclusive (epoch ms), with OI. */
    List<HistoricalCandle> historicalMinutes(long instrumentToken, long fromMillis, long toMillis, AccessToken session);
}
