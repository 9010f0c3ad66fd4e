package dev.fulcrum.vrrp.net;

import dev.fulcrum.vrrp.packet.IpEnvelope;

/** One VRRP payload as a raw socket delivered it, with the IP header fields the receive checks need. */
public interface ReceivedDatagram {

    IpEnvelope envelope();

    byte[] payload();
}
