package com.tradesignal.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Floor pivots of one session, computed from the <em>previous regular session's</em> high H, low L and close C
 * (TradingView "Pivot Points Standard", one-day anchor). Immutable; all levels are derived from H, L, C in
 * {@link #from(double, double, double)}, so two instances are equal exactly when their inputs are.
 *
 * <p>Formulas (PP = (H + L + C) / 3 for every type here, range = H − L):
 * <ul>
 *   <li><b>Traditional</b> (TradingView's "Traditional", the classic floor pivots; not TV's "Classic", which
 *       uses R3 = PP + 2(H − L)): R1 = 2PP − L, S1 = 2PP − H, R2 = PP + (H − L), S2 = PP − (H − L),
 *       R3 = 2PP + (H − 2L) (= H + 2(PP − L)), S3 = 2PP − (2H − L) (= L − 2(H − PP)).</li>
 *   <li><b>Camarilla</b>: Rn = C + 1.1(H − L)/k, Sn = C − 1.1(H − L)/k with k = 12, 6, 4, 2 for n = 1..4.
 *       Its pivot is the same PP. (R5/S5 have no agreed definition and are not provided.)</li>
 *   <li><b>Fibonacci</b>: R1/S1 = PP ± 0.382(H − L), R2/S2 = PP ± 0.618(H − L), R3/S3 = PP ± 1.0(H − L).
 *       Note Fibonacci R3/S3 coincide with Traditional R2/S2 by construction.</li>
 *   <li><b>CPR</b> (central pivot range): BC = (H + L)/2, TC = 2PP − BC; when TC &lt; BC the two are swapped so
 *       that {@link #cprTc()} ≥ {@link #cprBc()} always (some sources label them the other way round).
 *       Width = TC − BC (≥ 0), also given as a percentage of PP.</li>
 * </ul>
 *
 * <p>Conventions: the inputs are the high, low and close of the regular session only (09:15–15:30 IST 1-minute
 * candles, accumulated with {@link SessionHighLowClose}); the close is the last regular candle's close, not the
 * post-close session price. No warm-up inside the day: the levels are fixed for the whole session, and absent
 * (no instance) on the first session the job has seen.
 */
public final class PivotLevels {
    private static final byte FORMAT = 1;

    private final double high;
    private final double low;
    private final double close;

    private final double pivot;
    private final double r1;
    private final double r2;
    private final double r3;
    private final double s1;
    private final double s2;
    private final double s3;
    private final double camR1;
    private final double camR2;
    private final double camR3;
    private final double camR4;
    private final double camS1;
    private final double camS2;
    private final double camS3;
    private final double camS4;
    private final double fibR1;
    private final double fibR2;
    private final double fibR3;
    private final double fibS1;
    private final double fibS2;
    private final double fibS3;
    private final double cprTc;
    private final double cprBc;

    private PivotLevels(double high, double low, double close) {
        this.high = high;
        this.low = low;
        this.close = close;
        double pp = (high + low + close) / 3.0;
        double range = high - low;
        this.pivot = pp;

        this.r1 = 2 * pp - low;
        this.s1 = 2 * pp - high;
        this.r2 = pp + range;
        this.s2 = pp - range;
        this.r3 = 2 * pp + (high - 2 * low);
        this.s3 = 2 * pp - (2 * high - low);

        double cam = 1.1 * range;
        this.camR1 = close + cam / 12.0;
        this.camR2 = close + cam / 6.0;
        this.camR3 = close + cam / 4.0;
        this.camR4 = close + cam / 2.0;
        this.camS1 = close - cam / 12.0;
        this.camS2 = close - cam / 6.0;
        this.camS3 = close - cam / 4.0;
        this.camS4 = close - cam / 2.0;

        this.fibR1 = pp + 0.382 * range;
        this.fibR2 = pp + 0.618 * range;
        this.fibR3 = pp + range;
        this.fibS1 = pp - 0.382 * range;
        this.fibS2 = pp - 0.618 * range;
        this.fibS3 = pp - range;

        double bc = (high + low) / 2.0;
        double tc = 2 * pp - bc;
        this.cprTc = Math.max(tc, bc);
        this.cprBc = Math.min(tc, bc);
    }

    /**
     * The levels for the session that follows a session with this high, low and close.
     *
     * <p>The close is not required to lie inside [low, high] (an official index close can be computed differently
     * from the last candle), only to be finite.
     *
     * @throws IllegalArgumentException if a value is not finite or low &gt; high
     */
    public static PivotLevels from(double high, double low, double close) {
        if (!Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)) {
            throw new IllegalArgumentException("pivot inputs must be finite: H=" + high + " L=" + low + " C=" + close);
        }
        if (low > high) {
            throw new IllegalArgumentException("pivot inputs must satisfy L <= H: H=" + high + " L=" + low);
        }
        return new PivotLevels(high, low, close);
    }

    /** The previous session's high (input). */
    public double high() { return high; }
    /** The previous session's low (input). */
    public double low() { return low; }
    /** The previous session's close (input). */
    public double close() { return close; }

    /** PP = (H + L + C) / 3; output key {@code pivot}. */
    public double pivot() { return pivot; }
    /** Traditional R1 = 2PP − L; key {@code r1}. */
    public double r1() { return r1; }
    /** Traditional R2 = PP + (H − L); key {@code r2}. */
    public double r2() { return r2; }
    /** Traditional R3 = 2PP + (H − 2L); key {@code r3}. */
    public double r3() { return r3; }
    /** Traditional S1 = 2PP − H; key {@code s1}. */
    public double s1() { return s1; }
    /** Traditional S2 = PP − (H − L); key {@code s2}. */
    public double s2() { return s2; }
    /** Traditional S3 = 2PP − (2H − L); key {@code s3}. */
    public double s3() { return s3; }

    /** Camarilla R1 = C + 1.1(H − L)/12; key {@code cam_r1}. */
    public double camR1() { return camR1; }
    /** Camarilla R2 = C + 1.1(H − L)/6; key {@code cam_r2}. */
    public double camR2() { return camR2; }
    /** Camarilla R3 = C + 1.1(H − L)/4; key {@code cam_r3}. */
    public double camR3() { return camR3; }
    /** Camarilla R4 = C + 1.1(H − L)/2; key {@code cam_r4}. */
    public double camR4() { return camR4; }
    /** Camarilla S1 = C − 1.1(H − L)/12; key {@code cam_s1}. */
    public double camS1() { return camS1; }
    /** Camarilla S2 = C − 1.1(H − L)/6; key {@code cam_s2}. */
    public double camS2() { return camS2; }
    /** Camarilla S3 = C − 1.1(H − L)/4; key {@code cam_s3}. */
    public double camS3() { return camS3; }
    /** Camarilla S4 = C − 1.1(H − L)/2; key {@code cam_s4}. */
    public double camS4() { return camS4; }

    /** Fibonacci R1 = PP + 0.382(H − L); key {@code fib_r1}. */
    public double fibR1() { return fibR1; }
    /** Fibonacci R2 = PP + 0.618(H − L); key {@code fib_r2}. */
    public double fibR2() { return fibR2; }
    /** Fibonacci R3 = PP + (H − L); key {@code fib_r3}. */
    public double fibR3() { return fibR3; }
    /** Fibonacci S1 = PP − 0.382(H − L); key {@code fib_s1}. */
    public double fibS1() { return fibS1; }
    /** Fibonacci S2 = PP − 0.618(H − L); key {@code fib_s2}. */
    public double fibS2() { return fibS2; }
    /** Fibonacci S3 = PP − (H − L); key {@code fib_s3}. */
    public double fibS3() { return fibS3; }

    /** CPR top central: max(2PP − BC, BC); key {@code cpr_tc}. */
    public double cprTc() { return cprTc; }
    /** CPR bottom central: min(2PP − BC, BC) with BC = (H + L)/2; key {@code cpr_bc}. */
    public double cprBc() { return cprBc; }
    /** CPR width TC − BC (= |PP − (H + L)/2| · 2), never negative. */
    public double cprWidth() { return cprTc - cprBc; }
    /** CPR width as a percentage of PP (a "narrow CPR" is commonly below ~0.25 %). */
    public double cprWidthPercent() { return cprWidth() / pivot * 100.0; }

    /**
     * Every level with a display name, for {@link SupportResistance}: {@code "pivot"}, {@code "R1 (traditional)"}..,
     * {@code "R1 (camarilla)"}.., {@code "R1 (fibonacci)"}.., {@code "CPR TC"}, {@code "CPR BC"}.
     */
    public List<SupportResistance.Level> levels() {
        List<SupportResistance.Level> out = new ArrayList<>(25);
        out.add(new SupportResistance.Level("pivot", pivot));
        out.add(new SupportResistance.Level("R1 (traditional)", r1));
        out.add(new SupportResistance.Level("R2 (traditional)", r2));
        out.add(new SupportResistance.Level("R3 (traditional)", r3));
        out.add(new SupportResistance.Level("S1 (traditional)", s1));
        out.add(new SupportResistance.Level("S2 (traditional)", s2));
        out.add(new SupportResistance.Level("S3 (traditional)", s3));
        out.add(new SupportResistance.Level("R1 (camarilla)", camR1));
        out.add(new SupportResistance.Level("R2 (camarilla)", camR2));
        out.add(new SupportResistance.Level("R3 (camarilla)", camR3));
        out.add(new SupportResistance.Level("R4 (camarilla)", camR4));
        out.add(new SupportResistance.Level("S1 (camarilla)", camS1));
        out.add(new SupportResistance.Level("S2 (camarilla)", camS2));
        out.add(new SupportResistance.Level("S3 (camarilla)", camS3));
        out.add(new SupportResistance.Level("S4 (camarilla)", camS4));
        out.add(new SupportResistance.Level("R1 (fibonacci)", fibR1));
        out.add(new SupportResistance.Level("R2 (fibonacci)", fibR2));
        out.add(new SupportResistance.Level("R3 (fibonacci)", fibR3));
        out.add(new SupportResistance.Level("S1 (fibonacci)", fibS1));
        out.add(new SupportResistance.Level("S2 (fibonacci)", fibS2));
        out.add(new SupportResistance.Level("S3 (fibonacci)", fibS3));
        out.add(new SupportResistance.Level("CPR TC", cprTc));
        out.add(new SupportResistance.Level("CPR BC", cprBc));
        return out;
    }

    /** Writes the inputs H, L, C (the levels are recomputed on read, so they stay consistent). */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeDouble(high);
        out.writeDouble(low);
        out.writeDouble(close);
    }

    public static PivotLevels readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown PivotLevels format " + format);
        }
        double h = in.readDouble();
        double l = in.readDouble();
        double c = in.readDouble();
        return new PivotLevels(h, l, c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PivotLevels p && Double.compare(high, p.high) == 0 && Double.compare(low, p.low) == 0
                && Double.compare(close, p.close) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(high);
        h = 31 * h + Double.hashCode(low);
        return 31 * h + Double.hashCode(close);
    }

    @Override
    public String toString() {
        return "PivotLevels[H=" + high + ", L=" + low + ", C=" + close + ", PP=" + pivot + ", R1=" + r1 + ", S1=" + s1
                + ", TC=" + cprTc + ", BC=" + cprBc + "]";
    }
}
