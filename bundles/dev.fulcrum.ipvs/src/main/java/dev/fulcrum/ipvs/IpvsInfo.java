package dev.fulcrum.ipvs;

/**
 * IPVS_CMD_GET_INFO's answer: IPVS_INFO_ATTR_VERSION (0x010201 = 1.2.1, ip_vs.h NVERSION) and
 * IPVS_INFO_ATTR_CONN_TAB_SIZE.
 */
public record IpvsInfo(long version, long connectionTableSize) {

    /** "1.2.1", as ipvsadm prints it. */
    public String versionText() {
        return ((version >> 16) & 0xFF) + "." + ((version >> 8) & 0xFF) + "." + (version & 0xFF);
    }
}
