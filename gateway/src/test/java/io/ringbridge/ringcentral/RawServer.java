package io.ringbridge.ringcentral;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A misbehaving HTTP peer on a raw socket (a broken proxy or load balancer in front of RingCentral), for what the
 * simulator, being faithful, never does: every connection gets the same raw answer, and then, when it is
 * {@code stalling}, nothing more until the test ends.
 */
final class RawServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    private final byte[] answer;
    private final boolean stalling;

    private RawServer(String answer, boolean stalling) throws IOException {
        this.answer = answer.getBytes(StandardCharsets.UTF_8);
        this.stalling = stalling;
        Thread.ofVirtual().start(this::serve);
    }

    /** Sends the head of a 200 and 6 of the 100 body bytes it announces, then holds the connection. */
    static RawServer stallingMidBody() throws IOException {
        return new RawServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\":",
                true);
    }

    /** Answers with {@code status} and the body as {@code contentType}, then closes. */
    static RawServer answering(int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new RawServer("HTTP/1.1 " + status + " Whatever\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n" + body, false);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> answer(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            connection.getInputStream().read(new byte[16_384]);
            connection.getOutputStream().write(answer);
            connection.getOutputStream().flush();
            if (stalling) {
                Thread.sleep(10_000);
            }
        } catch (IOException | InterruptedException ignored) {
            // the test is over
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
