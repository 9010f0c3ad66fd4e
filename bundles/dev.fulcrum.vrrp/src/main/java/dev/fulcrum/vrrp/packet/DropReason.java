package dev.fulcrum.vrrp.packet;

/**
 * Why a received VRRP packet was dropped; each has its counter. The order follows the receive checks
 * of RFC 5798 section 7.1 / RFC 3768 section 7.1.
 */
public enum DropReason {
    /** The packet's address family is not the instance's. */
    ADDRESS_FAMILY,
    /** RFC 5798 section 7.1: TTL / hop limit not 255. */
    TTL,
    /** RFC 5798 section 7.1: version not the instance's (or not 2/3, or v2 over IPv6). */
    VERSION,
    /** RFC 5798 section 5.2.2: type other than 1 (ADVERTISEMENT). */
    TYPE,
    /** RFC 5798 section 7.1: not exactly the fixed fields, the addresses (and v2 authentication). */
    LENGTH,
    /** RFC 5798 section 5.2.5: Count IPvX Addr is 0 (the minimum is 1). */
    ADDRESS_COUNT,
    /** RFC 5798 section 7.1: bad checksum. */
    CHECKSUM,
    /** RFC 5798 section 7.1: VRID not configured here. */
    VRID,
    /** RFC 3768 section 7.1: Auth Type not the locally configured one. */
    AUTH_TYPE,
    /** RFC 2338 section 5.3.6.1: simple text password mismatch. */
    AUTHENTICATION,
    /** RFC 3768 section 7.1: Adver Int not the locally configured one (VRRPv2 only). */
    ADVERT_INTERVAL,
    /** The source is not on the interface's subnet (IPv4) or not link-local (IPv6, RFC 5798 section 5.1.2.1). */
    SOURCE_ADDRESS,
    /** Unicast mode: the source is not a {@code unicast_peer} (keepalived.conf(5) check_unicast_src). */
    UNICAST_PEER
}
