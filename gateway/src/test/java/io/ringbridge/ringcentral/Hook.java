package io.ringbridge.ringcentral;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * A webhook endpoint on the JDK's HTTP server that answers RingCentral's validation handshake: it echoes the
 * {@code Validation-Token} header, or, with {@link #echo} off, answers 200 without it (which RingCentral
 * refuses with SUB-525).
 */
final class Hook implements AutoCloseable {
    volatile boolean echo = true;
    /** The {@code Verification-Token} of the last handshake, to see the client passed it through. */
    volatile String lastVerificationToken;
    private final HttpServer server;

    Hook() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String validation = exchange.getRequestHeaders().getFirst("Validation-Token");
            if (validation != null) {
                lastVerificationToken = exchange.getRequestHeaders().getFirst("Verification-Token");
                if (echo) {
                    exchange.getResponseHeaders().add("Validation-Token", validation);
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
