package dev.fulcrum.netlink.genl;

import dev.fulcrum.netlink.NetlinkException;

/** The controller knows no family of that name (it answered ENOENT): its kernel module is absent. */
public class FamilyNotFoundException extends NetlinkException {

    private final String family;

    public FamilyNotFoundException(String family, Throwable cause) {
        super("generic netlink family \"" + family + "\" not found (is its kernel module loaded?)", cause);
        this.family = family;
    }

    public String family() {
        return family;
    }
}
