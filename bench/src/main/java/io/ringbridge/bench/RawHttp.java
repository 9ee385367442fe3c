package io.ringbridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection over a blocking socket, for one lane of a fixed request schedule
 * ({@link Load#fixedRate}). {@code java.net.http.HttpClient} spends several times the CPU per request, which on a
 * two-core machine is taken from the gateway under test and shows up as the gateway's latency. Not thread-safe: one
 * caller at a time. When the server closes the connection (Tomcat does every 100 requests), the next request opens a
 * new one, and that time counts in its latency like a real client's.
 */
final class RawHttp {

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_CLOSE = "connection: close".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "transfer-encoding: chunked".getBytes(StandardCharsets.US_ASCII);

    private final String host;
    private final int port;
    private final byte[] buffer = new byte[16 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** Bytes of {@link #buffer} read from the socket but not yet consumed: {@code [position, limit)}. */
    private int position;
    private int limit;

    RawHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** POSTs JSON with a bearer key; the status, or 599 when the connection failed. */
    int post(String path, String bearer, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearer
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        try {
            if (socket == null) {
                open();
            }
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException | RuntimeException e) {
            close();
            return 599;
        }
    }

    private void open() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        position = 0;
        limit = 0;
    }

    /** Reads one response, skipping its body; closes the connection when the server said it will. */
    private int readResponse() throws IOException {
        int status = -1;
        long length = 0;
        boolean chunked = false;
        boolean closing = false;
        for (int end = lineEnd(); end != position; end = lineEnd()) {
            if (status < 0) {
                status = Integer.parseInt(new String(buffer, position + 9, 3, StandardCharsets.US_ASCII));
            } else if (startsWithIgnoringCase(CONTENT_LENGTH)) {
                length = Long.parseLong(new String(buffer, position + CONTENT_LENGTH.length,
                        end - position - CONTENT_LENGTH.length, StandardCharsets.US_ASCII).trim());
            } else if (startsWithIgnoringCase(CHUNKED)) {
                chunked = true;
            } else if (startsWithIgnoringCase(CONNECTION_CLOSE)) {
                closing = true;
            }
            position = end + 2;
        }
        position += 2;
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size + 2);
            }
            skip(2);
        } else {
            skip(length);
        }
        if (closing) {
            close();
        }
        return status;
    }

    private long chunkSize() throws IOException {
        int end = lineEnd();
        long size = Long.parseLong(new String(buffer, position, end - position, StandardCharsets.US_ASCII).trim(), 16);
        position = end + 2;
        return size;
    }

    /** The index of the next {@code \r\n} at or after {@link #position}, reading more when needed. */
    private int lineEnd() throws IOException {
        for (int scanned = position; ; ) {
            for (; scanned + 1 < limit; scanned++) {
                if (buffer[scanned] == '\r' && buffer[scanned + 1] == '\n') {
                    return scanned;
                }
            }
            scanned -= position;
            fill();
            scanned += position;
        }
    }

    private void skip(long bytes) throws IOException {
        while (limit - position < bytes) {
            bytes -= limit - position;
            position = limit;
            fill();
        }
        position += (int) bytes;
    }

    /** Moves the unread bytes to the start of the buffer and reads more after them. */
    private void fill() throws IOException {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            throw new IOException("connection closed");
        }
        limit += read;
    }

    private boolean startsWithIgnoringCase(byte[] prefix) {
        if (limit - position < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (Character.toLowerCase(buffer[position + i]) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
            socket = null;
        }
    }
}
