package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
/** The ports of a {@code bind} address: one port ({@code first == last}) or a range (configuration.txt 4.2 "bind"). */
public record PortRange(int first, int last) {

    public PortRange {
        Checks.range("first port", first, 1, 65535);
        Checks.range("last port", last, first, 65535);
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }
}
