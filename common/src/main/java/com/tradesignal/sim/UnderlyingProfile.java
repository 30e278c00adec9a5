package com.tradesignal.sim;

/**
 * How one underlying behaves, relative to the simulated market factor (which is NIFTY itself).
 *
 * <p>The NIFTY/BANKNIFTY numbers were measured on two years of real one-minute index candles (2021-2022): NIFTY's
 * one-minute log returns have a standard deviation of about 0.0375% (0.030% at midday, about 0.08% in the first
 * minutes), BANKNIFTY's are 1.45 times that, and the two correlate at 0.85 minute by minute. SENSEX is
 * modelled as a near copy of NIFTY (most of its weight is shared). Volumes and open interest are round figures
 * of the right order for the near-month contracts, in lots.
 *
 * @param volMultiple volatility relative to NIFTY
 * @param marketCorrelation correlation of its shocks (and of its drift) with NIFTY's
 * @param dayLots a future's typical day volume, in lots
 * @param openInterestLots a future's typical open interest, in lots
 * @param halfSpread half the futures' bid-ask spread as a fraction of price (the trade prices bounce by this)
 */
record UnderlyingProfile(double volMultiple, double marketCorrelation, double dayLots, double openInterestLots,
                         double halfSpread) {

    static UnderlyingProfile of(String underlying) {
        switch (underlying) {
            case "NIFTY":
                return new UnderlyingProfile(1.0, 1.0, 100_000, 220_000, 0.000_02);
            case "BANKNIFTY":
                return new UnderlyingProfile(1.45, 0.85, 40_000, 70_000, 0.000_03);
            case "SENSEX":
                return new UnderlyingProfile(0.97, 0.97, 15_000, 30_000, 0.000_03);
            default: {
                // Anything else (the synthetic load-test underlyings): a stable, name-derived spread of behaviours.
                long h = SimRandom.mix(underlying.hashCode() * 0x9E3779B97F4A7C15L);
                double u1 = ((h >>> 11) & 0xFFFF) / 65_536.0;
                double u2 = ((h >>> 27) & 0xFFFF) / 65_536.0;
                double u3 = ((h >>> 43) & 0xFFFF) / 65_536.0;
                return new UnderlyingProfile(1.0 + u1, 0.4 + 0.4 * u2, 5_000 + 25_000 * u3, 20_000 + 60_000 * u3,
                        0.000_1);
            }
        }
    }
}
