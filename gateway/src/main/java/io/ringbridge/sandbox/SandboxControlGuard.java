package io.ringbridge.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ringbridge.platform.web.ErrorWriter;

/**
 * The simulator's control routes are the simulated RingCentral's operator console: they show the sandbox app's
 * secret and every tenant's messages and forge inbound SMS. Only a client on this machine may use them. The client
 * is the address Tomcat resolved, so a request relayed by a trusted proxy counts as the proxy's client, not the proxy.
 */
class SandboxControlGuard extends OncePerRequestFilter {

    static final String REFUSAL = "The sandbox's control routes answer only clients on the gateway's own machine "
            + "(set RINGBRIDGE_SANDBOX_CONTROL_LOOPBACK_ONLY=false to open them)";

    private final ErrorWriter errors;

    SandboxControlGuard(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!loopback(request.getRemoteAddr())) {
            errors.write(request, response, HttpStatus.FORBIDDEN, REFUSAL, "sandbox_control_loopback_only", Map.of());
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean loopback(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.%\\[\\]]+")) {
            return false; // only literal addresses; never resolve a name here
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
