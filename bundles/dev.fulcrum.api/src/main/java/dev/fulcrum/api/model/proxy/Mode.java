package dev.fulcrum.api.model.proxy;

/** configuration.txt 4.2 "mode": the proxy's protocol. HAProxy's default is {@link #TCP}. */
public enum Mode {
    /** Layer 4: bytes are forwarded without analysis. */
    TCP,
    /** Layer 7: requests and responses are analysed. */
    HTTP
}
