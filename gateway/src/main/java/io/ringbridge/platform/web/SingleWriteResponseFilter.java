package io.ringbridge.platform.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a response go out in one write, with a {@code Content-Length}. Spring MVC flushes after writing a body; on
 * Tomcat a flush commits the response as {@code chunked}, and the closing chunk then costs a second write (and
 * packet) when the request completes: about a tenth of the CPU of a small JSON answer. Nothing here streams, so the
 * flushes are left to the container, which sends what it holds when the request completes. A body larger than the
 * response buffer still goes out as it is written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SingleWriteResponseFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // A WebSocket handshake hands the connection over; leave its response as the container made it.
        boolean upgrade = request.getHeader("Upgrade") != null;
        chain.doFilter(request, upgrade ? response : new FlushAtCompletion(response));
    }

    private static final class FlushAtCompletion extends HttpServletResponseWrapper {

        private ServletOutputStream stream;
        private PrintWriter writer;

        FlushAtCompletion(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // the container flushes when the request completes
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new UnflushedStream(super.getOutputStream());
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(super.getWriter()) {
                    @Override
                    public void flush() {
                        // the container flushes when the request completes
                    }
                };
            }
            return writer;
        }
    }

    private static final class UnflushedStream extends ServletOutputStream {

        private final ServletOutputStream target;

        UnflushedStream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // the container flushes when the request completes
        }

        @Override
        public void close() throws IOException {
            target.close();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
