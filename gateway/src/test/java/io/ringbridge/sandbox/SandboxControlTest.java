package io.ringbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.TestGateway;

/**
 * docs/API.md "Sandbox mode": the simulator's control routes (its admin API, which lists the sandbox app's secret and
 * every tenant's messages, and the inbound-SMS trigger) answer clients on the gateway's own machine only. Another
 * machine is played by connecting to this machine's non-loopback address, so the gateway sees a non-loopback client
 * on the connection itself, without any forwarded header.
 */
@EveryDatabase
class SandboxControlTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static TestGateway sandbox;

    @Parameter
    Database database;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        sandbox = TestGateway.on(database).start();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        sandbox.close();
    }

    /** Issue 14's reproductions, from another machine. */
    @Test
    void controlRoutesRefuseAClientOnAnotherMachine() throws IOException {
        InetAddress lan = nonLoopbackAddress().orElse(null);
        assumeTrue(lan != null, "this machine has no non-loopback IPv4 address to play another machine with");
        int forgedBefore = notifications();

        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("GET /sandbox/ringcentral/admin/directory", "");
        probes.put("GET /sandbox/ringcentral/admin/messages", "");
        probes.put("GET /sandbox/ringcentral/admin", "");
        probes.put("POST /sandbox/ringcentral/admin/apps",
                "{\"clientId\":\"evil\",\"clientSecret\":\"evil\",\"name\":\"x\",\"redirectUris\":[\"https://evil.example\"]}");
        probes.put("POST /sandbox/ringcentral/inbound", "{\"from\":\"+14155550100\",\"to\":\"+16505550101\",\"text\":\"forged\"}");
        probes.put("POST /sandbox/ringcentral/inbound/", "{\"from\":\"+14155550100\",\"to\":\"+16505550101\",\"text\":\"forged\"}");

        for (Map.Entry<String, String> probe : probes.entrySet()) {
            String[] request = probe.getKey().split(" ", 2);
            String answer = raw(lan, request[0], request[1], probe.getValue());

            assertThat(answer).as(probe.getKey()).startsWith("HTTP/1.1 403")
                    .contains("\"code\":\"sandbox_control_loopback_only\"",
                            "\"error\":\"" + SandboxControlGuard.REFUSAL + "\"")
                    .doesNotContain("ringbridge-sandbox", "clientSecret", "forged\"");
        }
        assertThat(notifications()).as("no inbound SMS was forged").isEqualTo(forgedBefore);
        assertThat(raw(lan, "GET", "/sandbox/ringcentral/", "")).as("the index page is no control route").startsWith("HTTP/1.1 200");
        assertThat(raw(lan, "GET", "/health", "")).startsWith("HTTP/1.1 200");
    }

    @Test
    void controlRoutesAnswerTheGatewaysOwnMachine() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + sandbox.baseUri().getPort());

        HttpResponse<String> directory = HTTP.send(HttpRequest.newBuilder(base.resolve("/sandbox/ringcentral/admin/directory"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(directory.statusCode()).isEqualTo(200);
        assertThat(directory.body()).contains("ringbridge-sandbox");
    }

    @Test
    void theGuardIsASettingThatDefaultsToOn() {
        assertThat(sandbox.bean(SandboxProperties.class).controlLoopbackOnly()).isTrue();
        assertThat(SandboxControlGuard.loopback("127.0.0.1")).isTrue();
        assertThat(SandboxControlGuard.loopback("127.8.9.10")).isTrue();
        assertThat(SandboxControlGuard.loopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(SandboxControlGuard.loopback("10.0.0.7")).isFalse();
        assertThat(SandboxControlGuard.loopback("198.51.100.7")).isFalse();
        assertThat(SandboxControlGuard.loopback("localhost")).as("a name is never resolved").isFalse();
        assertThat(SandboxControlGuard.loopback(null)).isFalse();
    }

    private int notifications() {
        return sandbox.jdbc().sql("SELECT COUNT(*) FROM rc_notification").query(Integer.class).single();
    }

    /** One request over a socket connected to {@code address}: the gateway sees that address's peer as the client. */
    private static String raw(InetAddress address, String method, String path, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + address.getHostAddress() + "\r\n"
                + (content.length > 0 ? "Content-Type: application/json\r\n" : "")
                + "Content-Length: " + content.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress(address, sandbox.baseUri().getPort()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
