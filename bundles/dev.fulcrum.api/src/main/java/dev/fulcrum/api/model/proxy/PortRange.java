package dev.fulcrum.api.model.proxy;

/** The ports of a {@code bind} address: one port ({@code first == last}) or a range (configuration.txt 4.2 "bind"). */
public record PortRange(int first, int last) {

    public PortRange {
        Names.requireRange(first, 1, 65535, "first port");
        Names.requireRange(last, first, 65535, "last port");
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }
}
