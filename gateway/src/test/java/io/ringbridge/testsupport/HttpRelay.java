package io.ringbridge.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A plain HTTP relay on a loopback port that forwards every request to a target and records each exchange.
 * Two uses: between a gateway and (simulated) RingCentral it is a wire tap that sees the tokens and secrets
 * actually exchanged; in front of a gateway it is a stable public address that survives the gateway's restarts
 * (like a load balancer), so RingCentral's webhook address stays valid.
 */
public final class HttpRelay implements AutoCloseable {

    /** One request as it went through, with the answer it got. */
    public record Exchange(String method, String path, Map<String, List<String>> requestHeaders, String requestBody,
                           int status, String responseBody) {

        public String requestHeader(String name) {
            return requestHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    /** Headers the JDK client sets itself, and hop-by-hop ones. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "http2-settings");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpServer server;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private volatile URI target;

    private HttpRelay(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::relay);
        server.start();
    }

    /** A relay to {@code target} (scheme, host and port; any path of the request is kept). */
    public static HttpRelay to(URI target) {
        return new HttpRelay(target);
    }

    /** A relay whose target is set later ({@link #target(URI)}); until then it answers 503. */
    public static HttpRelay unconnected() {
        return new HttpRelay(null);
    }

    /** Where requests go from now on. */
    public void target(URI next) {
        this.target = next;
    }

    /** {@code http://localhost:<port>}: the name gateways use for their own public URL in development. */
    public URI baseUri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            URI to = target;
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            if (to == null) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(to.toString().replaceAll("/$", "") + pathAndQuery))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), requestBody.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                // The target broke the connection (e.g. a simulated lost response): break ours the same way.
                exchanges.add(new Exchange(exchange.getRequestMethod(), pathAndQuery, Map.copyOf(exchange.getRequestHeaders()),
                        new String(requestBody, StandardCharsets.UTF_8), -1, null));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] body = response.body();
            exchanges.add(new Exchange(exchange.getRequestMethod(), pathAndQuery, Map.copyOf(exchange.getRequestHeaders()),
                    new String(requestBody, StandardCharsets.UTF_8), response.statusCode(),
                    new String(body, StandardCharsets.UTF_8)));
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")
                        && !name.equalsIgnoreCase("date")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            boolean noBody = body.length == 0 || response.statusCode() == 204 || response.statusCode() == 304
                    || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
