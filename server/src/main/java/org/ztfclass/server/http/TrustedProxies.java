package org.ztfclass.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose forwarding headers the server believes: a list of addresses and
 * CIDR ranges ({@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}), given to
 * {@code serve --trusted-proxy} or {@code ZTFCLASS_TRUSTED_PROXY}. Empty (the default) trusts no
 * peer: every request's client is its socket's peer. Only literal addresses are read, never a
 * host name, so parsing looks nothing up. Immutable and thread-safe.
 */
public final class TrustedProxies {

    /** Trusts no peer. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Range> ranges;
    private final String text;

    private TrustedProxies(List<Range> ranges, String text) {
        this.ranges = ranges;
        this.text = text;
    }

    /**
     * Reads a comma-separated list of addresses and CIDR ranges.
     *
     * @param list e.g. {@code "127.0.0.1,10.0.0.0/8"}; null or blank for none
     * @throws IllegalArgumentException naming the entry that is not a literal address or range
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            ranges.add(Range.parse(entry));
            entries.add(entry);
        }
        return ranges.isEmpty() ? NONE : new TrustedProxies(List.copyOf(ranges), String.join(",", entries));
    }

    /** @return true when {@code address} is one of these proxies */
    public boolean trusts(InetAddress address) {
        for (Range r : ranges) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** @return true when {@code address} (a literal, as a header or socket gives it) is one of these proxies; false if it is not a literal address */
    public boolean trusts(String address) {
        InetAddress a = literal(address);
        return a != null && trusts(a);
    }

    /** @return true when no proxy is trusted */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** @return the list as it would be given again */
    @Override
    public String toString() {
        return text;
    }

    /**
     * @param text an IPv4 or IPv6 literal, IPv6 optionally in brackets
     * @return the address, or null when {@code text} is not a literal address (no name is ever looked up)
     */
    public static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(t).matches();
        if (v4) {
            for (String part : t.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        } else if (!IPV6.matcher(t).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(t); // a literal: parsed, never resolved
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** One address range: a network address and how many leading bits must match. */
    private record Range(byte[] network, int bits) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress address = literal(host);
            if (address == null) {
                throw new IllegalArgumentException("trusted proxy '" + entry
                        + "' is not an IP address or CIDR range (e.g. 127.0.0.1, 10.0.0.0/8, ::1); host names are not accepted");
            }
            byte[] network = address.getAddress();
            int max = network.length * 8;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > max) {
                    throw new IllegalArgumentException("trusted proxy '" + entry + "': the prefix length must be 0 to " + max);
                }
            }
            return new Range(network, bits);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                a = mapped(a, network.length);
                if (a == null) {
                    return false;
                }
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }

        /** An IPv4 address written as IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}) and back, else null. */
        private static byte[] mapped(byte[] a, int length) {
            if (a.length == 16 && length == 4) {
                for (int i = 0; i < 10; i++) {
                    if (a[i] != 0) {
                        return null;
                    }
                }
                return a[10] == (byte) 0xff && a[11] == (byte) 0xff ? Arrays.copyOfRange(a, 12, 16) : null;
            }
            return null;
        }
    }
}
