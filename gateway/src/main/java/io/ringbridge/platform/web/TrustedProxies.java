package io.ringbridge.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.ringbridge.platform.config.StartupRefusedException;

/**
 * The proxies the operator named ({@code RINGBRIDGE_TRUSTED_PROXIES}: addresses and CIDR ranges). Only a connection
 * from one of them may say, through {@code X-Forwarded-For}, whom it forwards for; the client is the right-most
 * address in that header that is not itself one of them, because everything further left was written by whoever
 * connected to the proxy and can be anything.
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Parses the operator's list; an entry that is not an address or a range refuses the start. */
    static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            if (!entry.isBlank()) {
                ranges.add(Range.parse(entry.trim()).orElseThrow(() -> new StartupRefusedException(
                        "RINGBRIDGE_TRUSTED_PROXIES: '" + entry.trim() + "' is not an IP address or CIDR range")));
            }
        }
        return new TrustedProxies(ranges);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusts(String address) {
        Optional<InetAddress> parsed = literal(address);
        return parsed.isPresent() && ranges.stream().anyMatch(range -> range.contains(parsed.get()));
    }

    /**
     * The client behind a connection from {@code peer} that carried these {@code X-Forwarded-For} entries (all
     * values of the header, left to right). Walking from the right, trusted proxies are stepped over; the first
     * other address is the client. An entry that is not an IP address ends the walk at the last hop known for sure.
     */
    String client(String peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        String client = peer;
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            String hop = forwardedFor.get(i).trim();
            if (literal(hop).isEmpty()) {
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** An IP address written as a literal; never a name, so input from a header can never cause a DNS lookup. */
    static Optional<InetAddress> literal(String text) {
        try {
            if (text != null && IPV4.matcher(text).matches()) {
                byte[] bytes = new byte[4];
                String[] parts = text.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(parts[i]);
                    if (part > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) part;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            if (text != null && IPV6.matcher(text).matches()) {
                // In brackets the text can only be an IPv6 literal, never a name to look up.
                return Optional.of(InetAddress.getByName("[" + text + "]"));
            }
        } catch (UnknownHostException notAnAddress) {
            // not an address
        }
        return Optional.empty();
    }

    private record Range(byte[] network, int prefixBits) {

        static Optional<Range> parse(String entry) {
            int slash = entry.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = address.get().getAddress();
            int bits = bytes.length * 8;
            if (slash >= 0) {
                String prefix = entry.substring(slash + 1);
                if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
                    return Optional.empty();
                }
                bits = Integer.parseInt(prefix);
            }
            return Optional.of(new Range(bytes, bits));
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
