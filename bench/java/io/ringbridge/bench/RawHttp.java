package io.ringbridge.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * A minimal HTTP/1.1 client over blocking sockets with kept-alive connections, for latency under a fixed request
 * schedule. {@code java.net.http.HttpClient} spends several times the CPU per request, which on a two-core machine is
 * taken from the gateway under test and shows up as the gateway's latency.
 *
 * <p>At most {@code maxConnections} are open, like a client's connection pool: a request that finds them all busy
 * waits for one (and that wait counts in its latency). Without a bound, one stall of the server makes the caller
 * open ever more connections, and the connection storm, not the server, becomes what is measured.
 */
final class RawHttp {

    private final String host;
    private final int port;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final Semaphore connections;

    RawHttp(URI base, int maxConnections) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.connections = new Semaphore(maxConnections);
    }

    /** POSTs JSON with a bearer key; the status, or 599 when the connection failed. */
    int post(String path, String bearer, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearer
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        connections.acquireUninterruptibly();
        Connection connection = idle.poll();
        try {
            if (connection == null) {
                connection = new Connection(new Socket(host, port));
            }
            Connection used = connection;
            int status = used.exchange(head, body);
            if (used.open) {
                idle.add(used);
            } else {
                used.close();
            }
            return status;
        } catch (IOException e) {
            if (connection != null) {
                connection.close();
            }
            return 599;
        } finally {
            connections.release();
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        /** False once the server said it closes the connection after this answer (Tomcat does every 100 requests). */
        boolean open = true;

        Connection(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        int exchange(byte[] head, byte[] body) throws IOException {
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    open = false;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            return status;
        }

        private String line() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.US_ASCII);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }
}
