package io.ringbridge.ringcentral;

import static io.ringbridge.ringcentral.Failures.refused;
import static io.ringbridge.ringcentral.Sandbox.ALICE;
import static io.ringbridge.ringcentral.Sandbox.ALICE_SMS;
import static io.ringbridge.ringcentral.Sandbox.CUSTOMER;
import static io.ringbridge.ringcentral.Sandbox.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.RingCentralSimulator;
import io.ringbridge.simulator.SimulatorConfig;
import io.ringbridge.testsupport.ScratchDirectories;
import java.net.URI;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against a server URI with a path prefix: the simulator's servlet mounted at
 * {@code /sandbox/ringcentral/*} in a host Tomcat, as the gateway mounts it in sandbox mode. Every operation must
 * keep the prefix ({@link java.net.URI#resolve} with an absolute path would silently drop it).
 */
class SandboxMountTest {
    static final String PREFIX = "/sandbox/ringcentral";
    static Tomcat host;
    static Sandbox sandbox;
    static URI hostRoot;

    @BeforeAll
    static void mount() throws Exception {
        RingCentralSimulator simulator = RingCentralSimulator.mountable(SimulatorConfig.builder()
                .rateLimitsEnabled(false).label("SANDBOX").build());
        host = new Tomcat();
        host.setBaseDir(ScratchDirectories.create("client-mount").toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        host.setConnector(connector);
        Context context = host.addContext("", null);
        Tomcat.addServlet(context, "sandbox", simulator.servlet());
        context.addServletMappingDecoded(PREFIX + "/*", "sandbox");
        host.start();
        hostRoot = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        sandbox = new Sandbox(simulator, URI.create(hostRoot + PREFIX), Client.create());
    }

    @AfterAll
    static void unmount() throws Exception {
        sandbox.close();
        host.stop();
        host.destroy();
    }

    @Test
    void oauthKeepsThePrefix() {
        Pkce pkce = Pkce.generate();
        URI authorize = sandbox.client.oauth().authorizeUrl(sandbox.app, AuthorizeRequest.of(REDIRECT_URI, "m", pkce.challenge()));
        assertThat(authorize.getPath()).isEqualTo(PREFIX + "/restapi/oauth/authorize");

        String code = Sandbox.consent(authorize, ALICE).get("code");
        TokenSet first = sandbox.client.oauth().exchangeCode(sandbox.app, code, REDIRECT_URI, pkce.verifier());
        TokenSet second = sandbox.client.oauth().refresh(sandbox.app, first.refreshToken()).tokens();
        sandbox.client.oauth().revoke(sandbox.app, second.accessToken());

        assertThat(first.ownerId()).isEqualTo(Long.toString(ALICE));
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(refused(() -> sandbox.client.oauth().refresh(sandbox.app, second.refreshToken())).errorCodes())
                .containsExactly("OAU-211");
    }

    @Test
    void everyApiCallKeepsThePrefix() throws Exception {
        RingCentralApi api = sandbox.client.api();
        RingCentralAccess alice = sandbox.signedIn(ALICE);

        assertThat(api.currentExtension(alice).id()).isEqualTo(ALICE);
        assertThat(api.phoneNumbers(alice)).extracting(PhoneNumber::phoneNumber).contains(ALICE_SMS);
        SmsAccepted sent = api.sendSms(alice, new SmsRequest(ALICE_SMS, CUSTOMER, "through the mount"));
        // The simulator derives its URLs from the request, so they show which path the client used.
        assertThat(sent.message().uri()).startsWith(sandbox.server + "/restapi/v1.0/account/");
        assertThat(api.message(alice, sent.message().id()).subject()).isEqualTo("through the mount");

        try (Hook hook = new Hook()) {
            String filter = "/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS";
            Subscription s = api.createSubscription(alice, new SubscriptionRequest(List.of(filter), hook.address(), "vt", 3600));
            assertThat(s.uri()).isEqualTo(sandbox.server + "/restapi/v1.0/subscription/" + s.id());
            assertThat(api.subscription(alice, s.id()).id()).isEqualTo(s.id());
            assertThat(api.subscriptions(alice)).extracting(Subscription::id).contains(s.id());
            assertThat(api.renewSubscription(alice, s.id()).id()).isEqualTo(s.id());
            assertThat(api.updateSubscription(alice, s.id(), List.of(filter), 1200).expiresIn()).isLessThanOrEqualTo(1200L);
            api.deleteSubscription(alice, s.id());
            assertThat(refused(() -> api.subscription(alice, s.id())).errorCodes()).containsExactly("CMN-102");
        }
    }

    @Test
    void ringCxKeepsThePrefix() {
        TokenSet tokens = sandbox.signIn(ALICE);

        RingCxTokens ringCx = sandbox.client.ringCx().login(sandbox.server, tokens.accessToken());

        assertThat(sandbox.client.ringCx().refresh(sandbox.server, ringCx.refreshToken()).accessToken()).isNotBlank();
    }

    @Test
    void serverUriWithATrailingSlashWorksToo() {
        Sandbox slashed = new Sandbox(sandbox.simulator, URI.create(sandbox.server + "/"), sandbox.client);

        assertThat(slashed.client.api().currentExtension(slashed.signedIn(ALICE)).id()).isEqualTo(ALICE);
    }

    @Test
    void serverUriWithoutThePrefixIsAPlain404() {
        // A misconfigured sandbox URL reaches the host, not the simulator: a 404 that says so, no crash.
        RingCentralException e = refused(() -> sandbox.client.api().currentExtension(
                new RingCentralAccess(hostRoot, "any-token")));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorCodes()).isEmpty();
        assertThat(e.transientFailure()).isFalse();
    }

    @Test
    void pathsAreAppendedToTheServersOwnPath() {
        assertThat(RingCentralHttp.at(URI.create("https://gw.example.com/sandbox/ringcentral"), "/restapi/oauth/token"))
                .hasToString("https://gw.example.com/sandbox/ringcentral/restapi/oauth/token");
        assertThat(RingCentralHttp.at(URI.create("https://gw.example.com/sandbox/ringcentral/"), "/restapi/oauth/token"))
                .hasToString("https://gw.example.com/sandbox/ringcentral/restapi/oauth/token");
        assertThat(RingCentralHttp.at(URI.create("https://platform.ringcentral.com"), RingCxApi.LOGIN))
                .hasToString("https://platform.ringcentral.com/api/auth/login/rc/accesstoken?includeRefresh=true");
        assertThat(RingCentralHttp.at(URI.create("https://platform.ringcentral.com/"), RingCentralApi.EXTENSION))
                .hasToString("https://platform.ringcentral.com/restapi/v1.0/account/~/extension/~");
    }
}
