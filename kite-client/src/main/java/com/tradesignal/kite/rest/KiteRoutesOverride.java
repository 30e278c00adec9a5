package com.tradesignal.kite.rest;

import com.tradesignal.kite.KiteEndpoints;

import java.lang.reflect.Field;

/**
 * Points the kiteconnect library at an endpoint of our choosing. kiteconnect 3.5.1 keeps its root, login and
 * WebSocket URLs in private static (non-final) fields of {@code com.zerodhatech.kiteconnect.Routes} with no setter,
 * so the simulator can only be reached by setting them by reflection. This class is the only place that does it.
 *
 * <p>Because the fields are static, one JVM talks to one Kite endpoint at a time: {@link KiteRestClient} calls
 * {@link #use} and makes its request while holding this class's lock.
 */
final class KiteRoutesOverride {
    private static KiteEndpoints current = KiteEndpoints.KITE;

    private KiteRoutesOverride() {
    }

    /** Sets the routes to {@code endpoints}; the caller holds the lock on this class for the request. */
    static void use(KiteEndpoints endpoints) {
        if (endpoints.equals(current)) {
            return;
        }
        set("_rootUrl", endpoints.apiRoot());
        set("_loginUrl", endpoints.loginUrl());
        String ws = endpoints.websocketUrl();
        set("_wsuri", (ws.endsWith("/") ? ws : ws + "/") + "?access_token=:access_token&api_key=:api_key");
        current = endpoints;
    }

    private static void set(String field, String value) {
        try {
            Field f = com.zerodhatech.kiteconnect.Routes.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(null, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("kiteconnect's Routes." + field + " cannot be set: this kiteconnect version "
                    + "is not the 3.5.1 this was written for", e);
        }
    }
}
