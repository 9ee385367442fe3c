package io.ringbridge.simulator.subscription;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import javax.net.ssl.SSLSocketFactory;

/**
 * RingCentral's webhook validation: POST with no body and a random {@code Validation-Token} header (plus
 * {@code Verification-Token} when given). The address must answer 200 within the timeout, echo the token in a
 * {@code Validation-Token} response header, and keep the whole response (status line + headers + body, as
 * received on the wire) within the byte limit. Done over a raw socket so the size is measured exactly.
 */
final class WebhookHandshake {

    /** The handshake's verdict. */
    sealed interface Result permits Valid, Unreachable, Invalid {
    }

    record Valid() implements Result {
    }

    /** No HTTP answer at all: connection refused, unknown host, connect timeout. */
    record Unreachable(String reason) implements Result {
    }

    /** An answer that breaks a rule: status, missing echo, too slow, too large. */
    record Invalid(String reason) implements Result {
    }

    static Result validate(URI address, String verificationToken, Duration timeout, int maxBytes) {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean tls = "https".equalsIgnoreCase(address.getScheme());
        int port = address.getPort() > 0 ? address.getPort() : tls ? 443 : 80;
        try (Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
            try {
                socket.connect(new InetSocketAddress(address.getHost(), port), (int) Math.max(1, timeout.toMillis()));
            } catch (IOException e) {
                return new Unreachable("WebHook is not reachable: " + e.getMessage());
            }
            String path = address.getRawPath() == null || address.getRawPath().isEmpty() ? "/" : address.getRawPath();
            if (address.getRawQuery() != null) {
                path += "?" + address.getRawQuery();
            }
            StringBuilder request = new StringBuilder(256)
                    .append("POST ").append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(address.getHost()).append(address.getPort() > 0 ? ":" + port : "")
                    .append("\r\n")
                    .append("User-Agent: RingCentral-Webhook/8.3\r\n")
                    .append("Validation-Token: ").append(token).append("\r\n");
            if (verificationToken != null) {
                request.append("Verification-Token: ").append(verificationToken).append("\r\n");
            }
            request.append("Content-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readAnswer(socket, deadline, maxBytes, token);
        } catch (SocketTimeoutException e) {
            return new Invalid("WebHook server did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Invalid("I/O operation is failed. Details: [" + e.getMessage() + "]");
        }
    }

    private static Result readAnswer(Socket socket, long deadline, int maxBytes, String token) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream(1024);
        byte[] buffer = new byte[2048];
        int headerEnd = -1;
        long contentLength = -1;
        boolean chunked = false;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            socket.setSoTimeout((int) left);
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
            if (received.size() > maxBytes) {
                return new Invalid("WebHook response is larger than " + maxBytes + " bytes");
            }
            byte[] bytes = received.toByteArray();
            if (headerEnd < 0) {
                headerEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                if (headerEnd >= 0) {
                    String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
                    String length = header(head, "Content-Length");
                    contentLength = length == null ? -1 : Long.parseLong(length.trim());
                    String encoding = header(head, "Transfer-Encoding");
                    chunked = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
                }
            }
            if (headerEnd >= 0) {
                int bodyBytes = bytes.length - headerEnd - 4;
                if (contentLength >= 0 && bodyBytes >= contentLength) {
                    break;
                }
                if (chunked && new String(bytes, StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n")) {
                    break;
                }
            }
        }
        if (headerEnd < 0) {
            return new Invalid("WebHook response is incomplete");
        }
        String head = new String(received.toByteArray(), 0, headerEnd, StandardCharsets.ISO_8859_1);
        String statusLine = head.lines().findFirst().orElse("");
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[1].equals("200")) {
            return new Invalid("WebHook responses with code: [" + (parts.length < 2 ? "?" : parts[1]) + "]");
        }
        String echoed = header(head, "Validation-Token");
        if (echoed == null || !echoed.trim().equals(token)) {
            return new Invalid("WebHook response does not echo the Validation-Token header");
        }
        return new Valid();
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
