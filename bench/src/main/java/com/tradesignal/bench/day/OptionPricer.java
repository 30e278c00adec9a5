package com.tradesignal.bench.day;

/**
 * Black-Scholes with a fixed volatility: enough to make a simulated option move with its underlying, lose value
 * through the day and be worth little far from the money. It is not a model of the real option market (no smile, no
 * volatility changes).
 */
final class OptionPricer {
    static final double RATE = 0.065;
    static final double YEAR_SECONDS = 365.0 * 86_400;

    private OptionPricer() {}

    static double price(double spot, double strike, double years, double vol, boolean put) {
        double sd = vol * Math.sqrt(years);
        double d1 = (Math.log(spot / strike) + (RATE + 0.5 * vol * vol) * years) / sd;
        double d2 = d1 - sd;
        double discounted = strike * Math.exp(-RATE * years);
        return put ? discounted * cdf(-d2) - spot * cdf(-d1) : spot * cdf(d1) - discounted * cdf(d2);
    }

    /** Standard normal CDF (Abramowitz and Stegun 26.2.17, absolute error below 7.5e-8). */
    static double cdf(double x) {
        double t = 1 / (1 + 0.2316419 * Math.abs(x));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double tail = 0.3989422804014327 * Math.exp(-0.5 * x * x) * poly;
        return x >= 0 ? 1 - tail : tail;
    }
}
