package dev.fulcrum.proxy.http;

import dev.fulcrum.api.model.proxy.ForwardFor;
import dev.fulcrum.proxy.route.Network;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * configuration.txt 4.2 "option forwardfor [except network] [header name] [if-none]": adds a header
 * with the client's address to each request, unless the source is in the excepted network or, with
 * if-none, the request already has one.
 */
public final class ForwardedFor {

    private final ForwardFor option;
    private final Optional<Network> except;

    /** @throws IllegalArgumentException when the except network is not an address or network */
    public ForwardedFor(ForwardFor option) {
        this.option = option;
        this.except = option.except().map(Network::parse);
    }

    public Headers apply(Headers headers, InetAddress client) {
        if (except.isPresent() && except.get().contains(client)) {
            return headers;
        }
        if (option.ifNone() && headers.contains(option.header())) {
            return headers;
        }
        String address = client.getHostAddress();
        if (client instanceof Inet6Address && address.indexOf('%') >= 0) {
            address = address.substring(0, address.indexOf('%'));
        }
        return headers.with(option.header(), address);
    }
}
