package com.tradesignal.kite.rest;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.kite.KiteEndpoints;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.market.MarketTime;
import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.KiteException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.TokenException;
import com.zerodhatech.models.HistoricalData;
import com.zerodhatech.models.User;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Kite REST through the kiteconnect 3.5.1 library: login URL, session exchange, instruments, historical candles.
 *
 * <p>Two things kiteconnect gets wrong are corrected here. It formats the historical {@code from}/{@code to} with the
 * JVM's default time zone, while Kite reads them as IST: so the dates passed in are shifted until they print as the
 * IST wall time on this JVM. And its exceptions carry only a code: {@code TokenException} (HTTP 403) becomes
 * {@link KiteAuthException} so the caller goes to LOGIN_REQUIRED at once; everything else
 * {@link KiteApiException} with the status. No message ever includes the access token or the API secret.
 *
 * <p>Kite allows 3 historical requests a second per API key: calls are spaced at least 340 ms apart.
 */
public final class KiteRestClient implements KiteRest {
    private static final DateTimeFormatter CANDLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private static final long HISTORICAL_SPACING_MS = 340;
    private static long lastHistoricalCall;

    private final KiteEndpoints endpoints;
    private final String apiKey;
    private final LongSupplier issueClock;

    public KiteRestClient(KiteEndpoints endpoints, String apiKey) {
        this(endpoints, apiKey, System::currentTimeMillis);
    }

    /** {@code issueClock} stamps new sessions (their expiry is 06:00 IST after that day). */
    public KiteRestClient(KiteEndpoints endpoints, String apiKey, LongSupplier issueClock) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("a Kite API key is required");
        }
        this.endpoints = endpoints;
        this.apiKey = apiKey;
        this.issueClock = issueClock;
    }

    @Override
    public String loginUrl(String state) {
        synchronized (KiteRoutesOverride.class) {
            KiteRoutesOverride.use(endpoints);
            String url = new KiteConnect(apiKey).getLoginURL();
            return state == null ? url
                    : url + "&redirect_params=" + URLEncoder.encode("state=" + state, StandardCharsets.UTF_8);
        }
    }

    @Override
    public AccessToken generateSession(String requestToken, String apiSecret) {
        synchronized (KiteRoutesOverride.class) {
            KiteRoutesOverride.use(endpoints);
            try {
                User user = new KiteConnect(apiKey).generateSession(requestToken, apiSecret);
                return AccessToken.issued(apiKey, user.userId, user.accessToken, issueClock.getAsLong());
            } catch (KiteException e) {
                throw translate("session exchange", e);
            } catch (IOException | RuntimeException e) {
                throw new KiteApiException("session exchange failed: " + safe(e), 0, e);
            }
        }
    }

    @Override
    public List<Instrument> instruments(String exchange, AccessToken session) {
        synchronized (KiteRoutesOverride.class) {
            KiteRoutesOverride.use(endpoints);
            try {
                List<com.zerodhatech.models.Instrument> rows = client(session).getInstruments(exchange);
                List<Instrument> out = new ArrayList<>(rows.size());
                for (com.zerodhatech.models.Instrument r : rows) {
                    out.add(convert(r));
                }
                return out;
            } catch (KiteException e) {
                throw translate("instruments " + exchange, e);
            } catch (IOException | RuntimeException e) {
                throw new KiteApiException("instruments " + exchange + " failed: " + safe(e), 0, e);
            }
        }
    }

    @Override
    public List<HistoricalCandle> historicalMinutes(long instrumentToken, long fromMillis, long toMillis,
                                                    AccessToken session) {
        synchronized (KiteRoutesOverride.class) {
            KiteRoutesOverride.use(endpoints);
            pace();
            try {
                HistoricalData data = client(session).getHistoricalData(istWallDate(fromMillis), istWallDate(toMillis),
                        Long.toString(instrumentToken), "minute", false, true);
                List<HistoricalCandle> out = new ArrayList<>();
                if (data.dataArrayList != null) {
                    for (HistoricalData c : data.dataArrayList) {
                        long start = OffsetDateTime.parse(c.timeStamp, CANDLE_TIME).toInstant().toEpochMilli();
                        out.add(new HistoricalCandle(start, c.open, c.high, c.low, c.close, c.volume, c.oi));
                    }
                }
                return out;
            } catch (KiteException e) {
                throw translate("historical candles of " + instrumentToken, e);
            } catch (IOException | RuntimeException e) {
                throw new KiteApiException("historical candles of " + instrumentToken + " failed: " + safe(e), 0, e);
            }
        }
    }

    private KiteConnect client(AccessToken session) {
        KiteConnect kite = new KiteConnect(apiKey);
        kite.setAccessToken(session.token());
        return kite;
    }

    /** A Date that kiteconnect's default-zone formatter prints as the IST wall time of {@code epochMillis}. */
    static Date istWallDate(long epochMillis) {
        LocalDateTime ist = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), MarketTime.IST);
        return Date.from(ist.atZone(ZoneId.systemDefault()).toInstant());
    }

    private static Instrument convert(com.zerodhatech.models.Instrument r) {
        LocalDate expiry = r.expiry == null ? null : r.expiry.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        double strike = r.strike == null || r.strike.isBlank() ? 0.0 : Double.parseDouble(r.strike);
        return new Instrument(r.instrument_token, r.exchange_token, r.tradingsymbol, r.name, r.exchange, r.segment,
                InstrumentType.fromDump(r.instrument_type, r.segment), expiry, strike, r.tick_size, r.lot_size);
    }

    private static void pace() {
        long now = System.currentTimeMillis();
        long wait = lastHistoricalCall + HISTORICAL_SPACING_MS - now;
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KiteApiException("interrupted while pacing historical calls", 0, e);
            }
        }
        lastHistoricalCall = System.currentTimeMillis();
    }

    private static KiteApiException translate(String what, KiteException e) {
        String message = what + ": Kite answered " + e.code + " (" + e.getClass().getSimpleName()
                + (e.message == null ? "" : ": " + e.message) + ")";
        if (e instanceof TokenException || e.code == 403) {
            return new KiteAuthException(message);
        }
        return new KiteApiException(message, e.code);
    }

    /** An exception's class and message, which for kiteconnect's transport errors never include headers. */
    private static String safe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
