package io.ringbridge.sandbox;

import java.net.URI;
import java.util.List;

import jakarta.servlet.Servlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;

import io.ringbridge.connection.OperatorRingCentral;
import io.ringbridge.connection.RingCentralConfigured;
import io.ringbridge.platform.config.DevelopmentMode;
import io.ringbridge.platform.config.PublicUrl;
import io.ringbridge.platform.config.RingBridgeProperties;
import io.ringbridge.platform.ids.IdKind;
import io.ringbridge.platform.web.ErrorWriter;
import io.ringbridge.ringcentral.RingCentralApp;
import io.ringbridge.simulator.RingCentralSimulator;
import io.ringbridge.simulator.SimulatorConfig;
import io.ringbridge.simulator.directory.App;
import io.ringbridge.tenancy.TenantBootstrapped;

/**
 * Sandbox mode: with no RingCentral app configured, the gateway serves the RingCentral simulator
 * itself under {@code /sandbox/ringcentral} and talks to it over real HTTP like to RingCentral: a demo account
 * with two users and SMS numbers, and an app registered with this gateway's callback. The simulator keeps its
 * state in {@value #STATE_FILE} under the data directory, so a restarted sandbox gateway is still connected and
 * RingCentral message ids never repeat. Never in production: a production gateway without a RingCentral app refuses
 * to start, and should that check ever be bypassed, it has no RingCentral at all rather than a simulated one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional({RingCentralConfigured.Not.class, DevelopmentMode.class})
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    static final String MOUNT = "/sandbox/ringcentral";
    static final String STATE_FILE = "sandbox-ringcentral.json";
    static final String CLIENT_ID = "ringbridge-sandbox";
    static final List<String> PERMISSIONS = List.of("SMS", "ReadMessages", "ReadAccounts", "WebhookSubscriptions");

    /**
     * A fresh secret per start: the sandbox app is only ever used by this process. Sessions restored from the
     * state file belong to the client id, not the secret, so they refresh with the new one.
     */
    private final String clientSecret = IdKind.randomHex(24);

    /** Every URL the simulator emits (the consent form's target among them) follows the public URL, not Host. */
    @Bean(destroyMethod = "close")
    RingCentralSimulator sandboxSimulator(RingBridgeProperties properties, PublicUrl publicUrl) {
        return RingCentralSimulator.mountable(SimulatorConfig.builder().label("SANDBOX")
                .stateFile(properties.dataDir().resolve(STATE_FILE)).build(), () -> publicUrl.base() + MOUNT);
    }

    @Bean
    SandboxOpenApi sandboxRoutes() {
        return new SandboxOpenApi();
    }

    @Bean
    ServletRegistrationBean<Servlet> sandboxServlet(RingCentralSimulator simulator) {
        ServletRegistrationBean<Servlet> registration = new ServletRegistrationBean<>(simulator.servlet(), MOUNT + "/*");
        registration.setName("ringcentral-sandbox");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SandboxPagePolicy> sandboxPagePolicy(PublicUrl publicUrl) {
        FilterRegistrationBean<SandboxPagePolicy> registration = new FilterRegistrationBean<>(new SandboxPagePolicy(publicUrl));
        registration.addUrlPatterns(MOUNT + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15); // right after the security headers it refines
        return registration;
    }

    /** The control routes: the simulated RingCentral's operator console and its inbound-SMS trigger. */
    @Bean
    FilterRegistrationBean<SandboxControlGuard> sandboxControlGuard(ErrorWriter errors, SandboxProperties settings) {
        FilterRegistrationBean<SandboxControlGuard> registration = new FilterRegistrationBean<>(new SandboxControlGuard(errors));
        registration.addUrlPatterns(MOUNT + "/admin/*", MOUNT + "/inbound", MOUNT + "/inbound/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 16); // after the request id and security headers
        registration.setEnabled(settings.controlLoopbackOnly());
        return registration;
    }

    @Bean
    OperatorRingCentral sandboxRingCentral(PublicUrl publicUrl) {
        return new OperatorRingCentral() {
            @Override
            public RingCentralApp app() {
                return new RingCentralApp(CLIENT_ID, clientSecret, URI.create(publicUrl.base() + MOUNT));
            }

            @Override
            public boolean sandbox() {
                return true;
            }
        };
    }

    /** The app's redirect URI is the gateway's callback, known for sure once the server has its port. */
    @EventListener
    void registerApp(WebServerInitializedEvent event) {
        RingCentralSimulator simulator = event.getApplicationContext().getBean(RingCentralSimulator.class);
        PublicUrl publicUrl = event.getApplicationContext().getBean(PublicUrl.class);
        String callback = publicUrl.base() + "/v1/rc/callback";
        simulator.admin().addApp(new App(CLIENT_ID, clientSecret, "RingBridge (sandbox)", List.of(callback), PERMISSIONS));
        log.warn("SANDBOX mode: RingCentral is simulated by this gateway at {}{} (demo account with users Alice Able "
                + "and Bob Baker). No real SMS is sent. To use real RingCentral, set RINGCENTRAL_CLIENT_ID and "
                + "RINGCENTRAL_CLIENT_SECRET.", publicUrl.base(), MOUNT);
    }

    @EventListener
    void printQuickstart(TenantBootstrapped bootstrapped) {
        SandboxQuickstart.print(System.out);
    }
}
