package com.tradesignal.source.kite.split;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the configured underlyings and extra tokens into at most {@code maxConnections} splits (Kite allows three
 * WebSocket connections per API key) of at most {@code maxTokensPerConnection} instruments each (3000).
 *
 * <p>Underlyings are dealt round-robin, one per connection while there are connections to spare, so that NIFTY,
 * BANKNIFTY and SENSEX each get their own socket and a dropped connection stalls only one of them. An underlying is
 * budgeted at its index, its near-month future and its option window (two options per strike).
 */
public final class KiteSplitPlanner {
    public static final int KITE_MAX_CONNECTIONS = 3;
    public static final int KITE_MAX_TOKENS_PER_CONNECTION = 3000;

    private KiteSplitPlanner() {
    }

    public static int tokensPerUnderlying(int strikesEachSide) {
        // with no strikes the feed subscribes no options at all (not even the at-the-money pair)
        return strikesEachSide == 0 ? 2 : 2 + 2 * (2 * strikesEachSide + 1);
    }

    public static List<KiteSplit> plan(List<String> underlyings, List<Long> extraTokens, int strikesEachSide,
                                       int maxConnections, int maxTokensPerConnection) {
        if (maxConnections < 1 || maxConnections > KITE_MAX_CONNECTIONS) {
            throw new IllegalArgumentException("connections must be 1.." + KITE_MAX_CONNECTIONS + " (Kite's limit per API key), got "
                    + maxConnections);
        }
        if (maxTokensPerConnection < 1 || maxTokensPerConnection > KITE_MAX_TOKENS_PER_CONNECTION) {
            throw new IllegalArgumentException("tokens per connection must be 1.." + KITE_MAX_TOKENS_PER_CONNECTION
                    + " (Kite's limit), got " + maxTokensPerConnection);
        }
        if (underlyings.isEmpty() && extraTokens.isEmpty()) {
            throw new IllegalArgumentException("nothing to subscribe: no underlyings and no extra tokens");
        }
        int perUnderlying = tokensPerUnderlying(strikesEachSide);
        int total = underlyings.size() * perUnderlying + extraTokens.size();
        int needed = Math.max(Math.max(1, Math.min(underlyings.size(), maxConnections)),
                (total + maxTokensPerConnection - 1) / maxTokensPerConnection);
        if (needed > maxConnections) {
            throw new IllegalArgumentException(total + " instruments need " + needed + " connections of at most "
                    + maxTokensPerConnection + ", more than the " + maxConnections + " allowed");
        }
        List<List<String>> u = new ArrayList<>();
        List<List<Long>> x = new ArrayList<>();
        int[] load = new int[needed];
        for (int i = 0; i < needed; i++) {
            u.add(new ArrayList<>());
            x.add(new ArrayList<>());
        }
        for (int i = 0; i < underlyings.size(); i++) {
            int s = i % needed;
            u.get(s).add(underlyings.get(i));
            load[s] += perUnderlying;
        }
        for (long token : extraTokens) {
            int s = lightest(load);
            x.get(s).add(token);
            load[s]++;
        }
        for (int i = 0; i < needed; i++) {
            if (load[i] > maxTokensPerConnection) {
                throw new IllegalArgumentException("connection " + i + " would carry " + load[i]
                        + " instruments, more than " + maxTokensPerConnection + ": fewer option strikes or extra tokens");
            }
        }
        List<KiteSplit> splits = new ArrayList<>(needed);
        for (int i = 0; i < needed; i++) {
            splits.add(KiteSplit.fresh("kite-" + i, u.get(i), x.get(i)));
        }
        return splits;
    }

    private static int lightest(int[] load) {
        int best = 0;
        for (int i = 1; i < load.length; i++) {
            if (load[i] < load[best]) {
                best = i;
            }
        }
        return best;
    }
}
