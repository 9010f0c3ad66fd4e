package dev.fulcrum.vrrp.packet;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One VRRP ADVERTISEMENT (type 1), VRRPv2 (RFC 3768 section 5.1) or VRRPv3 (RFC 5798 section 5.1).
 *
 * @param version         2 or 3 (RFC 3768 section 5.3.1, RFC 5798 section 5.2.1)
 * @param virtualRouterId VRID, 0..255 on the wire (receive validation refuses values it was not configured for)
 * @param priority        0..255; 0 = the master resigns, 255 = the address owner (RFC 5798 section 5.2.4)
 * @param advertInterval  v2: Adver Int in seconds, 8 bits (RFC 3768 section 5.3.7);
 *                        v3: Max Adver Int in centiseconds, 12 bits (RFC 5798 section 5.2.7)
 * @param addresses       the IPvX addresses, one family; IPv4 only for v2
 * @param authentication  v2 only: Auth Type and Authentication Data; empty for v3
 */
public record Advertisement(int version, int virtualRouterId, int priority, int advertInterval,
        List<InetAddress> addresses, Optional<AuthData> authentication) {

    public static final int MAX_V2_INTERVAL = 0xff;
    public static final int MAX_V3_INTERVAL = 0xfff;

    public Advertisement {
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version must be 2 or 3: " + version);
        }
        checkByte("virtualRouterId", virtualRouterId);
        checkByte("priority", priority);
        int maxInterval = version == 2 ? MAX_V2_INTERVAL : MAX_V3_INTERVAL;
        if (advertInterval < 0 || advertInterval > maxInterval) {
            throw new IllegalArgumentException("advertInterval must be 0.." + maxInterval + ": " + advertInterval);
        }
        addresses = List.copyOf(addresses);
        if (addresses.size() > 255) {
            throw new IllegalArgumentException("at most 255 addresses: " + addresses.size());
        }
        if (addresses.stream().map(Object::getClass).distinct().count() > 1) {
            throw new IllegalArgumentException("addresses must be of one family: " + addresses);
        }
        Objects.requireNonNull(authentication, "authentication");
        if (version == 2 && authentication.isEmpty()) {
            throw new IllegalArgumentException("a VRRPv2 advertisement carries authentication fields");
        }
        if (version == 3 && authentication.isPresent()) {
            throw new IllegalArgumentException("a VRRPv3 advertisement has no authentication fields");
        }
        if (version == 2 && addresses.stream().anyMatch(a -> !(a instanceof Inet4Address))) {
            throw new IllegalArgumentException("VRRPv2 carries IPv4 addresses only");
        }
    }

    /** A VRRPv2 advertisement (interval in whole seconds). */
    public static Advertisement v2(int virtualRouterId, int priority, int intervalSeconds, List<InetAddress> addresses,
            AuthData authentication) {
        return new Advertisement(2, virtualRouterId, priority, intervalSeconds, addresses,
                Optional.of(authentication));
    }

    /** A VRRPv3 advertisement (interval in centiseconds). */
    public static Advertisement v3(int virtualRouterId, int priority, int intervalCentiseconds,
            List<InetAddress> addresses) {
        return new Advertisement(3, virtualRouterId, priority, intervalCentiseconds, addresses, Optional.empty());
    }

    /** The advertisement interval as a duration: seconds for v2, centiseconds for v3. */
    public Duration interval() {
        return version == 2 ? Duration.ofSeconds(advertInterval) : Duration.ofMillis(advertInterval * 10L);
    }

    private static void checkByte(String name, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(name + " must be 0..255: " + value);
        }
    }
}
