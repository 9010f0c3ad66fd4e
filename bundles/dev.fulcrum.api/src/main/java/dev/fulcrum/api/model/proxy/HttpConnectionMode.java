package dev.fulcrum.api.model.proxy;

/**
 * How HTTP connections are kept (configuration.txt 4 "Proxies", the HTTP connection modes; 4.2
 * "option http-keep-alive", "option http-server-close"). The default since HAProxy 1.7 is keep-alive.
 */
public enum HttpConnectionMode {
    KEEP_ALIVE,
    SERVER_CLOSE
}
