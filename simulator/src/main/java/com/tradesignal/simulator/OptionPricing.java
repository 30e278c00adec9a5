package com.tradesignal.simulator;

/**
 * Black-Scholes prices for the simulated option chains, from the simulated index. Good enough for a feed whose
 * purpose is plausible numbers (intrinsic value plus a time value that decays towards expiry, a volatility smile so
 * wings are not worthless), not for pricing: no dividends, a flat 6.5% rate, implied volatility per underlying.
 */
final class OptionPricing {
    static final double RATE = 0.065;
    /** Floor of a quoted premium: Kite never shows less than one tick. */
    static final double MIN_PRICE = 0.05;

    private OptionPricing() {
    }

    /** At-the-money implied volatility (annual) of the underlying's options. */
    static double atmVolatility(String underlying) {
        return switch (underlying) {
            case "BANKNIFTY" -> 0.14;
            case "SENSEX" -> 0.125;
            default -> 0.12;
        };
    }

    /** Implied volatility with a smile: higher away from the money, more so for low strikes (put skew). */
    static double volatility(String underlying, double spot, double strike) {
        double m = Math.log(strike / spot);
        return atmVolatility(underlying) * (1 + 25 * m * m + (m < 0 ? -0.8 * m : 0.0));
    }

    /**
     * The premium, rounded to the 0.05 tick, at least {@link #MIN_PRICE}.
     *
     * @param years time to expiry in years (0 or less: intrinsic value)
     */
    static double price(boolean call, double spot, double strike, double years, double volatility) {
        double intrinsic = Math.max(0, call ? spot - strike : strike - spot);
        double value;
        if (years <= 0 || volatility <= 0) {
            value = intrinsic;
        } else {
            double sqrtT = Math.sqrt(years);
            double d1 = (Math.log(spot / strike) + (RATE + volatility * volatility / 2) * years) / (volatility * sqrtT);
            double d2 = d1 - volatility * sqrtT;
            double discount = Math.exp(-RATE * years);
            value = call ? spot * normal(d1) - strike * discount * normal(d2)
                    : strike * discount * normal(-d2) - spot * normal(-d1);
            value = Math.max(value, intrinsic * discount);
        }
        return Math.max(MIN_PRICE, Math.round(value * 20) / 20.0);
    }

    /** The standard normal CDF (Abramowitz-Stegun 26.2.17, error below 7.5e-8). */
    static double normal(double x) {
        double t = 1 / (1 + 0.2316419 * Math.abs(x));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double tail = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI) * poly;
        return x >= 0 ? 1 - tail : tail;
    }
}
