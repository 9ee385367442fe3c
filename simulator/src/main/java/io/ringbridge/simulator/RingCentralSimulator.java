package io.ringbridge.simulator;

import io.ringbridge.simulator.account.ExtensionEndpoint;
import io.ringbridge.simulator.admin.AdminEndpoint;
import io.ringbridge.simulator.admin.SimulatorAdmin;
import io.ringbridge.simulator.directory.DirectoryStore;
import io.ringbridge.simulator.faults.FaultInjector;
import io.ringbridge.simulator.faults.Operations;
import io.ringbridge.simulator.http.Router;
import io.ringbridge.simulator.http.SimulatorServlet;
import io.ringbridge.simulator.limits.RateLimiter;
import io.ringbridge.simulator.oauth.ApiAccess;
import io.ringbridge.simulator.oauth.AuthCodes;
import io.ringbridge.simulator.oauth.AuthorizeEndpoint;
import io.ringbridge.simulator.oauth.SessionStore;
import io.ringbridge.simulator.oauth.TokenEndpoint;
import io.ringbridge.simulator.ringcx.RingCxEndpoint;
import io.ringbridge.simulator.sms.DeliverySimulator;
import io.ringbridge.simulator.sms.InboundEndpoint;
import io.ringbridge.simulator.sms.MessageListener;
import io.ringbridge.simulator.sms.MessageStore;
import io.ringbridge.simulator.sms.SmsEndpoint;
import io.ringbridge.simulator.sms.StoredMessage;
import io.ringbridge.simulator.state.SimulatorState;
import io.ringbridge.simulator.state.StateFile;
import io.ringbridge.simulator.state.StateSaver;
import io.ringbridge.simulator.subscription.SubscriptionEndpoint;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A simulator of the RingCentral platform (OAuth, extension, SMS, message store, webhook subscriptions,
 * RingCX auth) that behaves like the real one where RingBridge depends on it. State lives in memory, and in
 * {@link SimulatorConfig#stateFile()} when one is set, so that a restarted simulator still knows its users'
 * sessions, messages and subscriptions.
 *
 * <p>Two ways to run it: {@link #start(SimulatorConfig)} runs it on its own embedded Tomcat
 * ({@link #baseUri()}); {@link #mountable(SimulatorConfig)} only builds it, and the host registers
 * {@link #servlet()} under a prefix such as {@code /sandbox/ringcentral/*}. {@link #admin()} controls it.
 */
public final class RingCentralSimulator implements AutoCloseable {
    /** Tomcat's start/stop chatter is not interesting for a test fixture; warnings still show. */
    private static final java.util.logging.Logger[] QUIET = {
            java.util.logging.Logger.getLogger("org.apache.catalina"),
            java.util.logging.Logger.getLogger("org.apache.coyote")};

    static {
        for (java.util.logging.Logger logger : QUIET) {
            logger.setLevel(java.util.logging.Level.WARNING);
        }
    }

    /** How often, at most, changes are written to the state file. */
    private static final Duration SAVE_INTERVAL = Duration.ofMillis(200);

    private final SimulatorConfig config;
    private final DirectoryStore directory;
    private final SessionStore sessions;
    private final MessageStore messages;
    private final DeliverySimulator delivery;
    private final SubscriptionEndpoint subscriptions;
    private final RingCxEndpoint ringCx;
    /** Present only with a state file. */
    private final StateSaver saver;
    private final SimulatorServlet servlet;
    private final SimulatorAdmin admin;
    private Tomcat tomcat;
    private Path tomcatDir;
    private URI baseUri;

    private RingCentralSimulator(SimulatorConfig config, Supplier<String> fixedBaseUrl) {
        this.config = config;
        this.directory = new DirectoryStore(config.directory());
        this.sessions = new SessionStore(config.oauth());
        AuthCodes codes = new AuthCodes();
        RateLimiter limiter = new RateLimiter(config.rateLimits());
        FaultInjector faults = new FaultInjector(config.latencyMs());
        ApiAccess access = new ApiAccess(sessions, directory, limiter);
        this.messages = new MessageStore(config.maxMessages());
        this.delivery = new DeliverySimulator(config.delivery());
        this.subscriptions = new SubscriptionEndpoint(access, config.subscriptions());
        this.ringCx = new RingCxEndpoint(access, directory, config.ringCx(), config.rateLimits().enabled());
        if (config.stateFile() == null) {
            this.saver = null;
            delivery.listener(subscriptions.dispatcher());
        } else {
            StateFile file = new StateFile(config.stateFile());
            this.saver = new StateSaver(file, this::snapshot, SAVE_INTERVAL);
            delivery.listener(savingAfter(subscriptions.dispatcher(), saver));
            file.load().ifPresent(this::restore);
        }

        AuthorizeEndpoint authorize = new AuthorizeEndpoint(directory, codes, sessions, limiter, config.label());
        TokenEndpoint token = new TokenEndpoint(directory, codes, sessions, limiter);
        ExtensionEndpoint extension = new ExtensionEndpoint(access);
        SmsEndpoint sms = new SmsEndpoint(access, directory, messages, delivery);
        InboundEndpoint inbound = new InboundEndpoint(directory, messages, delivery);
        this.admin = new SimulatorAdmin(directory, sessions, codes, token, limiter, faults, messages, delivery,
                inbound, subscriptions, ringCx, this::baseUrlForAdmin);

        String account = "/restapi/v1.0/account/{accountId}/extension/{extensionId}";
        String subscription = "/restapi/v1.0/subscription/{subscriptionId}";
        Router router = new Router()
                .add("GET", "/", "index", ex -> ex.html(200, IndexPage.render(config.label(), ex.baseUrl())))
                .add("GET", "/restapi/oauth/authorize", Operations.AUTHORIZE, authorize::authorize)
                .add("POST", "/restapi/oauth/authorize", Operations.AUTHORIZE, authorize::authorize)
                .add("POST", "/restapi/oauth/consent", Operations.CONSENT, authorize::consent)
                .add("POST", "/restapi/oauth/token", Operations.TOKEN, token::token)
                .add("POST", "/restapi/oauth/revoke", Operations.REVOKE, token::revoke)
                .add("GET", "/restapi/v1.0/account/{accountId}", Operations.GET_ACCOUNT, extension::getAccount)
                .add("GET", account, Operations.GET_EXTENSION, extension::getExtension)
                .add("GET", account + "/phone-number", Operations.LIST_PHONE_NUMBERS, extension::listPhoneNumbers)
                .add("POST", account + "/sms", Operations.SEND_SMS, sms::send)
                .add("GET", account + "/message-store", Operations.LIST_MESSAGES, sms::listMessages)
                .add("GET", account + "/message-store/{messageId}", Operations.GET_MESSAGE, sms::getMessage)
                .add("POST", "/restapi/v1.0/subscription", Operations.CREATE_SUBSCRIPTION, subscriptions::create)
                .add("GET", "/restapi/v1.0/subscription", Operations.LIST_SUBSCRIPTIONS, subscriptions::list)
                .add("GET", subscription, Operations.GET_SUBSCRIPTION, subscriptions::get)
                .add("PUT", subscription, Operations.UPDATE_SUBSCRIPTION, subscriptions::update)
                .add("DELETE", subscription, Operations.DELETE_SUBSCRIPTION, subscriptions::delete)
                .add("POST", subscription + "/renew", Operations.RENEW_SUBSCRIPTION, subscriptions::renew)
                .add("POST", "/inbound", Operations.INBOUND, inbound::receive)
                .add("POST", "/api/auth/login/rc/accesstoken", Operations.RINGCX_LOGIN, ringCx::login)
                .add("POST", "/api/auth/token/refresh", Operations.RINGCX_REFRESH, ringCx::refresh)
                .add("GET", "/voice/api/v1/admin/accounts", Operations.RINGCX_ACCOUNTS, ringCx::accounts);
        new AdminEndpoint(admin, config.adminKey()).routes(router);
        this.servlet = new SimulatorServlet(router, faults, saver == null ? () -> { } : saver::changed, fixedBaseUrl);
    }

    /** Status changes happen on the delivery timer, outside any request: they count as changes too. */
    private static MessageListener savingAfter(MessageListener listener, StateSaver saver) {
        return new MessageListener() {
            @Override
            public void created(StoredMessage message) {
                listener.created(message);
                saver.changed();
            }

            @Override
            public void updated(StoredMessage message) {
                listener.updated(message);
                saver.changed();
            }
        };
    }

    private SimulatorState snapshot() {
        return new SimulatorState(SimulatorState.VERSION, directory.directory(), sessions.snapshot(),
                messages.snapshot(), subscriptions.snapshot(), ringCx.snapshot());
    }

    /**
     * Takes over a saved state. Accounts and users come from the file (they may have been added at run time);
     * the configured apps are registered again on top, since their secrets and redirect URIs are configuration.
     */
    private void restore(SimulatorState state) {
        directory.replace(state.directory());
        config.directory().apps().forEach(directory::addApp);
        sessions.restore(state.sessions());
        subscriptions.restore(state.subscriptions());
        if (state.ringCx() != null) {
            ringCx.restore(state.ringCx());
        }
        for (StoredMessage message : messages.restore(state.messages())) {
            delivery.resume(message);
        }
    }

    /** Starts a standalone simulator on its own embedded Tomcat ({@code config.port()} 0 = random port). */
    public static RingCentralSimulator start(SimulatorConfig config) {
        RingCentralSimulator simulator = new RingCentralSimulator(config, null);
        simulator.startTomcat();
        return simulator;
    }

    /** Builds a simulator without a server; register {@link #servlet()} in the host's servlet container. */
    public static RingCentralSimulator mountable(SimulatorConfig config) {
        return new RingCentralSimulator(config, null);
    }

    /**
     * Builds a simulator without a server whose every emitted URL (links, the consent form's target, message URIs)
     * starts with {@code baseUrl}: the host's public address of the mount, whatever {@code Host} a request claims.
     */
    public static RingCentralSimulator mountable(SimulatorConfig config, Supplier<String> baseUrl) {
        return new RingCentralSimulator(config, baseUrl);
    }

    /** The servlet to mount (e.g. at {@code /sandbox/ringcentral/*}); every URL it emits follows the mount. */
    public Servlet servlet() {
        return servlet;
    }

    /** The standalone server's base URI, e.g. {@code http://127.0.0.1:41234}; {@code null} when mounted. */
    public URI baseUri() {
        return baseUri;
    }

    public SimulatorAdmin admin() {
        return admin;
    }

    public SimulatorConfig config() {
        return config;
    }

    private String baseUrlForAdmin() {
        if (baseUri != null) {
            return baseUri.toString();
        }
        String seen = servlet.lastBaseUrl();
        return seen != null ? seen : "http://localhost/sandbox/ringcentral";
    }

    private void startTomcat() {
        try {
            tomcatDir = Files.createTempDirectory("rc-simulator-tomcat");
            Tomcat server = new Tomcat();
            server.setBaseDir(tomcatDir.toString());
            Connector connector = new Connector("HTTP/1.1");
            connector.setPort(config.port());
            connector.setProperty("address", config.host());
            connector.setProperty("maxKeepAliveRequests", "-1");
            connector.setProperty("maxThreads", "200");
            connector.setProperty("acceptCount", "1000");
            server.setConnector(connector);
            server.getHost().setAutoDeploy(false);
            Context context = server.addContext("", null);
            if (context instanceof org.apache.catalina.core.StandardContext standard) {
                // The simulator starts no webapp threads; skip the leak checks that warn without --add-opens.
                standard.setClearReferencesThreadLocals(false);
                standard.setClearReferencesRmiTargets(false);
            }
            Tomcat.addServlet(context, "ringcentral-simulator", servlet);
            context.addServletMappingDecoded("/*", "ringcentral-simulator");
            server.start();
            this.tomcat = server;
            this.baseUri = URI.create("http://" + uriHost(config.host()) + ":" + connector.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException("simulator could not start", e);
        }
    }

    private static String uriHost(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Stops the server and the timers, then writes the final state when there is a state file. */
    @Override
    public void close() {
        subscriptions.close();
        delivery.close();
        try {
            stopTomcat();
        } finally {
            if (saver != null) {
                saver.close();
            }
        }
    }

    private void stopTomcat() {
        if (tomcat != null) {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (LifecycleException e) {
                throw new IllegalStateException(e);
            } finally {
                deleteQuietly(tomcatDir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp dir is harmless
        }
    }
}
