package dev.fulcrum.netlink.route;

/**
 * ifa_scope: enum rt_scope_t (linux/rtnetlink.h). Numbers between the named ones are user-defined
 * scopes, so this is a number with names rather than an enum.
 */
public record AddressScope(int number) {

    /** RT_SCOPE_UNIVERSE: "global" in ip(8). */
    public static final AddressScope UNIVERSE = new AddressScope(0);
    /** RT_SCOPE_SITE. */
    public static final AddressScope SITE = new AddressScope(200);
    /** RT_SCOPE_LINK. */
    public static final AddressScope LINK = new AddressScope(253);
    /** RT_SCOPE_HOST. */
    public static final AddressScope HOST = new AddressScope(254);
    /** RT_SCOPE_NOWHERE. */
    public static final AddressScope NOWHERE = new AddressScope(255);

    public AddressScope {
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("an address scope is 0 to 255: " + number);
        }
    }

    /** The name ip(8) and keepalived.conf(5) ("scope" of a virtual_ipaddress) use, or the number. */
    public String ipName() {
        return switch (number) {
            case 0 -> "global";
            case 200 -> "site";
            case 253 -> "link";
            case 254 -> "host";
            case 255 -> "nowhere";
            default -> Integer.toString(number);
        };
    }

    /** The scope a name from ip(8) or keepalived.conf(5) denotes. */
    public static AddressScope parse(String name) {
        return switch (name) {
            case "global", "universe" -> UNIVERSE;
            case "site" -> SITE;
            case "link" -> LINK;
            case "host" -> HOST;
            case "nowhere" -> NOWHERE;
            default -> {
                try {
                    yield new AddressScope(Integer.parseInt(name));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown address scope \"" + name
                            + "\" (expected global, site, link, host, nowhere or 0-255)");
                }
            }
        };
    }

    @Override
    public String toString() {
        return ipName();
    }
}
