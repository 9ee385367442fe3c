package io.ringbridge.simulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small list of routes, matched in order. */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, String operation, Handler handler) {
        routes.add(Route.of(method, template, operation, handler));
        return this;
    }

    /** The route matching the request and its path parameters, or {@code null}. */
    public Match find(String method, String path) {
        String[] segments = Route.split(path);
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = route.match(segments);
            if (params != null) {
                if (route.method().equals(method)) {
                    return new Match(route, params);
                }
                pathKnown = true;
            }
        }
        return pathKnown ? new Match(null, Map.of()) : null;
    }

    /** A route with its parameters; {@code route == null} means the path exists for another method. */
    public record Match(Route route, Map<String, String> params) {
    }
}
