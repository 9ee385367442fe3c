package io.ringbridge.simulator.http;

import io.ringbridge.simulator.faults.FaultDecision;
import io.ringbridge.simulator.faults.FaultInjector;
import io.ringbridge.simulator.faults.Operations;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The simulator's only servlet: routes the request, applies faults, runs the handler and writes the answer.
 * Works at {@code /*} of its own Tomcat and mounted under a prefix ({@code /sandbox/ringcentral/*}), because
 * it routes on the path info and derives every emitted URL from the request (or from the host's fixed base URL).
 */
public final class SimulatorServlet extends HttpServlet {
    private static final System.Logger LOG = System.getLogger(SimulatorServlet.class.getName());

    private final transient Router router;
    private final transient FaultInjector faults;
    private final transient Runnable stateChanged;
    private final transient Supplier<String> fixedBaseUrl;
    /** The base URL clients last used, for URLs in messages created outside a request (Java admin facade). */
    private volatile String lastBaseUrl;

    /**
     * @param stateChanged told after every request that may have changed the state (any method but GET/HEAD)
     */
    public SimulatorServlet(Router router, FaultInjector faults, Runnable stateChanged) {
        this(router, faults, stateChanged, null);
    }

    /**
     * @param fixedBaseUrl when not {@code null}, the base URL of every emitted URL (a host that knows its public
     *        address), instead of what the request's {@code Host} claims
     */
    public SimulatorServlet(Router router, FaultInjector faults, Runnable stateChanged, Supplier<String> fixedBaseUrl) {
        this.router = router;
        this.faults = faults;
        this.stateChanged = stateChanged;
        this.fixedBaseUrl = fixedBaseUrl;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        response.setHeader("RCRequestId", requestId());
        Exchange exchange = new Exchange(request, response, path, fixedBaseUrl);
        Router.Match match = router.find(request.getMethod(), path);
        if (match == null || match.route() == null) {
            exchange.fail(match == null
                    ? RcErrors.api(404, "CMN-120", "Invalid URI")
                    : RcErrors.api(405, "CMN-202", "Operation is not supported"));
            exchange.commit();
            return;
        }
        Route route = match.route();
        exchange.pathParams(match.params());
        FaultDecision fault = route.operation().equals(Operations.ADMIN)
                ? FaultDecision.NONE : faults.decide(route.operation());
        if (!fault.isNone()) {
            sleep(fault.latencyMs());
            if (fault.error() != null) {
                exchange.fail(fault.error());
                exchange.commit();
                return;
            }
            if (fault.hangMs() > 0) {
                sleep(fault.hangMs());
                exchange.commitBroken();
                return;
            }
        }
        try {
            route.handler().handle(exchange);
        } catch (ApiException e) {
            exchange.fail(e);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "simulator handler failed: " + route.operation(), e);
            exchange.fail(RcErrors.api(500, "CMN-203", "Internal Server Error"));
        } finally {
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                stateChanged.run();
            }
        }
        if (fault.lost()) {
            exchange.commitBroken();
        } else {
            exchange.commit();
        }
        String base = exchange.baseUrlIfComputed();
        if (base != null && base != lastBaseUrl) {
            lastBaseUrl = base;
        }
    }

    /** The base URL of the most recent request that needed one, or {@code null}. */
    public String lastBaseUrl() {
        return lastBaseUrl;
    }

    /** A request id in RingCentral's style (a UUID). */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
