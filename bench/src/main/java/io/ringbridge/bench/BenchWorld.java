package io.ringbridge.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ringbridge.simulator.testing.CodeGrant;
import io.ringbridge.simulator.testing.ConsentWalk;

/**
 * What the messaging benchmarks share: a simulated RingCentral account with {@code users} SMS users, a gateway
 * (separate processes both), a tenant with an app, and every user connected through the real OAuth flow.
 */
final class BenchWorld {

    static final String ADMIN_KEY = "sgw_" + "be".repeat(16);
    static final String CLIENT_ID = "bench-gateway";
    static final String CLIENT_SECRET = "bench-secret-" + Long.toHexString(System.nanoTime());
    static final long ACCOUNT = 500000000L;

    final String javaCommand;
    final Path jar;
    final String classpath;
    final int users;

    BenchWorld(String java, Path jar, String classpath, int users) {
        this.javaCommand = java;
        this.jar = jar;
        this.classpath = classpath;
        this.users = users;
    }

    static long extension(int user) {
        return ACCOUNT + 1 + user;
    }

    static String number(int user) {
        return String.format("+1650600%04d", user);
    }

    /** A directory file: one account, {@code users} users with one SMS number each, no apps yet. */
    Path directory() throws Exception {
        StringBuilder extensions = new StringBuilder();
        for (int i = 0; i < users; i++) {
            extensions.append(i == 0 ? "" : ",").append("""
                    {"id":%d,"extensionNumber":"%d","name":"User %d","type":"User","status":"Enabled",
                     "phoneNumbers":[{"id":%d,"phoneNumber":"%s","features":["SmsSender","CallerId"],"status":"Normal",
                     "usageType":"DirectNumber","paymentType":"Local","type":"VoiceFax","primary":true}]}
                    """.formatted(extension(i), 100 + i, i, 600000000L + i, number(i)));
        }
        Path file = Files.createTempFile("bench-directory-", ".json");
        Files.writeString(file, """
                {"accounts":[{"id":%d,"name":"Bench Co","extensions":[%s]}],"apps":[]}
                """.formatted(ACCOUNT, extensions));
        return file;
    }

    Launched simulator(List<String> extraArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--directory", directory().toString()));
        args.addAll(extraArgs);
        return Launched.simulator(javaCommand, classpath, args);
    }

    Map<String, String> gatewayProperties(Launched simulator, String databaseUrl, Path dataDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ringbridge.admin-key", ADMIN_KEY);
        properties.put("ringbridge.data-dir", dataDir.toString());
        properties.put("database.url", databaseUrl == null ? "" : databaseUrl);
        properties.put("ringbridge.limits.app-requests-per-minute", "2000000000");
        properties.put("ringbridge.limits.tenant-requests-per-minute", "2000000000");
        properties.put("ringbridge.limits.admin-requests-per-minute", "2000000000");
        properties.put("ringcentral.client-id", CLIENT_ID);
        properties.put("ringcentral.client-secret", CLIENT_SECRET);
        properties.put("ringcentral.server", simulator.base.toString());
        properties.put("logging.level.io.ringbridge.access", "warn");
        return properties;
    }

    /** Registers the gateway's callback with the simulated RingCentral app (public URL: localhost). */
    void registerApp(Launched simulator, List<URI> gateways) {
        StringBuilder uris = new StringBuilder();
        for (URI gateway : gateways) {
            uris.append(uris.isEmpty() ? "" : ",").append("\"http://localhost:").append(gateway.getPort()).append("/v1/rc/callback\"");
        }
        Http.Answer answer = Http.post(simulator.base.resolve("/admin/apps"), null, """
                {"clientId":"%s","clientSecret":"%s","name":"Bench","redirectUris":[%s],
                 "permissions":["SMS","ReadMessages","ReadAccounts","WebhookSubscriptions"]}
                """.formatted(CLIENT_ID, CLIENT_SECRET, uris));
        require(answer.status() / 100 == 2, "register app: " + answer.body());
    }

    /** A tenant and an app; returns the app's key. */
    static String tenantWithApp(URI gateway) {
        Http.Answer tenant = Http.post(gateway.resolve("/v1/tenants"), ADMIN_KEY, "{\"name\":\"Bench tenant\"}");
        require(tenant.status() == 201, "tenant: " + tenant.body());
        Http.Answer app = Http.post(gateway.resolve("/v1/apps/register"), ADMIN_KEY,
                "{\"name\":\"Bench app\",\"tenantId\":\"" + tenant.json().path("tenantId").asString() + "\"}");
        require(app.status() == 201, "app: " + app.body());
        return app.json().path("apiKey").asString();
    }

    /** Connects every user through connect/invite links, the consent page and the callback. */
    void connectAll(URI gateway, String apiKey) {
        for (int i = 0; i < users; i++) {
            Http.Answer link = Http.post(gateway.resolve(i == 0 ? "/v1/rc/connect-token" : "/v1/rc/invite-token"), apiKey, null);
            String token = link.json().path("connectUrl").asString().replaceFirst(".*token=", "");
            Http.Answer click = Http.form(gateway.resolve("/v1/rc/connect"), Map.of("token", token));
            require(click.status() == 303, "click: " + click.status());
            URI callback = ConsentWalk.approve(URI.create(click.header("Location")), ACCOUNT, extension(i));
            Http.Answer done = Http.get(gateway.resolve(callback.getRawPath() + "?" + callback.getRawQuery() + "&format=json"), null);
            require(done.status() == 200, "callback of user " + i + ": " + done.body());
        }
    }

    /** A session of our own for a user, with the gateway's app: "another client of the same user". */
    static String ownSession(Launched simulator, URI redirectUri, long extensionId) {
        return CodeGrant.accessToken(simulator.base, CLIENT_ID, CLIENT_SECRET, redirectUri, ACCOUNT, extensionId);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
