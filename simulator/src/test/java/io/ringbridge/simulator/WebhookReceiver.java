package io.ringbridge.simulator;

import com.sun.net.httpserver.HttpServer;
import io.ringbridge.simulator.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** A tiny webhook endpoint (JDK HttpServer) with scriptable handshake and delivery behaviour. */
final class WebhookReceiver implements AutoCloseable {
    /** One received notification. */
    record Notification(Map<String, java.util.List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    volatile boolean echo = true;
    volatile long handshakeDelayMs;
    volatile int handshakePadding;
    volatile int notificationStatus = 200;
    volatile String lastVerificationToken;
    final BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
    private final HttpServer server;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String validation = exchange.getRequestHeaders().getFirst("Validation-Token");
            if (validation != null && body.length == 0) {
                lastVerificationToken = exchange.getRequestHeaders().getFirst("Verification-Token");
                sleep(handshakeDelayMs);
                if (echo) {
                    exchange.getResponseHeaders().add("Validation-Token", validation);
                }
                byte[] padding = "x".repeat(handshakePadding).getBytes();
                exchange.sendResponseHeaders(200, padding.length == 0 ? -1 : padding.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(padding);
                }
                return;
            }
            notifications.add(new Notification(Map.copyOf(exchange.getRequestHeaders()), Json.MAPPER.readTree(body)));
            exchange.sendResponseHeaders(notificationStatus, -1);
            exchange.close();
        });
        server.start();
    }

    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    Notification next() throws InterruptedException {
        Notification n = notifications.poll(10, TimeUnit.SECONDS);
        if (n == null) {
            throw new AssertionError("no notification arrived");
        }
        return n;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
