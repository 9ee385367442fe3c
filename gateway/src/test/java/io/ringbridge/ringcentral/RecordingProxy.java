package io.ringbridge.ringcentral;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * A transparent HTTP proxy (JDK {@link HttpServer}) between the client and the simulator that records every
 * exchange exactly as it crossed the wire, so the test can check both sides against RingCentral's spec. It can
 * also rewrite answers, to show the client a variation RingCentral is allowed to make but the simulator does not.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request and its answer. Header names are lower-case. */
    record Exchange(String method, String path, String rawQuery, Map<String, List<String>> requestHeaders,
                    byte[] requestBody, int status, Map<String, List<String>> responseHeaders, byte[] responseBody) {

        String requestHeader(String name) {
            List<String> values = requestHeaders.get(name);
            return values == null ? null : values.getFirst();
        }

        String responseHeader(String name) {
            List<String> values = responseHeaders.get(name);
            return values == null ? null : values.getFirst();
        }

        /** Method, path, query and status; the authorize URL's query is left out (its challenge is random). */
        @Override
        public String toString() {
            boolean showQuery = rawQuery != null && !path.endsWith("/oauth/authorize");
            return method + " " + path + (showQuery ? "?" + rawQuery : "") + " -> " + status;
        }
    }

    /** Set by the HTTP machinery of each hop, not by the client: never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", "expect", "te", "trailer", "date");

    private final URI target;
    private final UnaryOperator<byte[]> rewrite;
    private final HttpServer server;
    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    RecordingProxy(URI target) throws IOException {
        this(target, UnaryOperator.identity());
    }

    /** A proxy that passes every answer body through {@code rewrite} (for variations RingCentral may show). */
    RecordingProxy(URI target, UnaryOperator<byte[]> rewrite) throws IOException {
        this.target = target;
        this.rewrite = rewrite;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::relay);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void relay(HttpExchange in) throws IOException {
        try (in) {
            byte[] requestBody = in.getRequestBody().readAllBytes();
            URI uri = in.getRequestURI();
            HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(target + uri.getRawPath()
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                    .timeout(Duration.ofSeconds(20))
                    .method(in.getRequestMethod(), requestBody.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            Map<String, List<String>> requestHeaders = lowerCase(in.getRequestHeaders());
            requestHeaders.forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name)) {
                    values.forEach(v -> out.header(name, v));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = forward.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            Map<String, List<String>> responseHeaders = lowerCase(answer.headers().map());
            byte[] body = rewrite.apply(answer.body());
            exchanges.add(new Exchange(in.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), requestHeaders,
                    requestBody, answer.statusCode(), responseHeaders, body));
            responseHeaders.forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name)) {
                    in.getResponseHeaders().put(name, values);
                }
            });
            in.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream os = in.getResponseBody()) {
                os.write(body);
            }
        }
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
