package dev.fulcrum.proxy.net;

import io.netty.channel.Channel;

/** What a listener does with each accepted client connection: one frontend's current revision. */
public interface ClientPipeline {

    /** The frontend's maxconn gate, which pauses the listener while the frontend is full. */
    ConnectionGate gate();

    /** Called on the client's event loop right after accept; the channel does not read yet. */
    void accept(Channel client);
}
