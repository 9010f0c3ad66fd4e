package dev.fulcrum.proxy.service;

import dev.fulcrum.api.model.proxy.Bind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns model addresses into socket addresses at reconcile time (the model never resolves, see
 * {@link dev.fulcrum.api.model.proxy.Server#host()}); configuration.txt 11 "Address formats":
 * {@code *} and an empty address mean any IPv4 address.
 */
final class Addresses {

    private Addresses() {
    }

    static InetAddress host(String host) throws UnknownHostException {
        if (host.equals("*") || host.isEmpty()) {
            return InetAddress.getByName("0.0.0.0");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return InetAddress.getByName(bare);
    }

    /** One socket address per port of the bind's range. */
    static List<InetSocketAddress> bind(Bind bind) throws UnknownHostException {
        InetAddress address = host(bind.address());
        List<InetSocketAddress> result = new ArrayList<>();
        for (int port = bind.portRange().first(); port <= bind.portRange().last(); port++) {
            result.add(new InetSocketAddress(address, port));
        }
        return result;
    }
}
