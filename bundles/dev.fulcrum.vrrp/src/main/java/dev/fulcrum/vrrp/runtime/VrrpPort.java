package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.vrrp.VirtualAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

/** What one VRRP instance does to the world: the wire and the interface's addresses. */
public interface VrrpPort {

    /** Sends an advertisement with {@code priority} (0: resign) and the instance's addresses. */
    void sendAdvert(int priority) throws IOException;

    void addAddresses(List<VirtualAddress> addresses) throws IOException;

    void removeAddresses(List<VirtualAddress> addresses) throws IOException;

    /** {@code repeat} gratuitous ARPs for each IPv4 address, unsolicited neighbour advertisements for each IPv6 one. */
    void announce(List<InetAddress> addresses, int repeat) throws IOException;
}
