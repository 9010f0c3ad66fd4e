package dev.fulcrum.api.model.proxy;

/** Which log line a proxy emits (configuration.txt 8.2 "Log formats"). */
public enum LogFormat {
    /** 8.2.1: no option: the connection-level default format. */
    DEFAULT,
    /** 4.2 "option tcplog", 8.2.2. */
    TCP,
    /** 4.2 "option httplog", 8.2.3 (http mode only). */
    HTTP,
    /** 4.2 "log-format", 8.2.6: the proxy's {@link CustomLogFormat}, per request in http mode, per connection in tcp mode. */
    CUSTOM
}
