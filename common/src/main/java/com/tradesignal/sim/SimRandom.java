package com.tradesignal.sim;

/**
 * The simulator's random numbers: xoshiro256++ seeded through SplitMix64, with Gaussians by the polar method.
 *
 * <p>Written out here rather than taken from {@code java.util} so that a seed gives the same session on every JDK
 * (the algorithms behind {@code SplittableRandom} and {@code RandomGenerator} are not promised to stay the same).
 * Not thread-safe; each generator run owns its instances.
 */
final class SimRandom {
    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private double spareGaussian;
    private boolean hasSpare;

    SimRandom(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = mix(x);
    }

    /** An independent stream for a named part of the simulation, e.g. one instrument. */
    static SimRandom derive(long seed, String stream, long discriminator) {
        long h = seed * 0x9E3779B97F4A7C15L + discriminator;
        for (int i = 0; i < stream.length(); i++) {
            h = (h ^ stream.charAt(i)) * 0x100000001B3L;
        }
        return new SimRandom(mix(h));
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        long result = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Standard normal. */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * m;
        hasSpare = true;
        return u * m;
    }

    /**
     * Uniform with mean 0 and variance 1, in [-sqrt(3), sqrt(3)): a cheap stand-in for a Gaussian where only the sum
     * of many draws matters (slowly mean-reverting processes), since that sum is Gaussian anyway.
     */
    double nextUnitUniform() {
        return (2 * nextDouble() - 1) * 1.7320508075688772;
    }

    /** Geometric on {1, 2, ...} with the given mean (at least 1). */
    long nextGeometric(double mean) {
        if (mean <= 1) {
            return 1;
        }
        double p = 1 / mean;
        double u = 1 - nextDouble(); // (0, 1]
        return 1 + (long) Math.floor(Math.log(u) / Math.log1p(-p));
    }
}
