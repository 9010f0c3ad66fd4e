package dev.fulcrum.proxy.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that neither read nor wrote for the given time: HAProxy's inactivity
 * timeouts {@code timeout client} and {@code timeout server} (configuration.txt 4.2). The relay
 * closes the other side when this one closes.
 */
public final class IdleCloseHandler extends IdleStateHandler {

    public static final String NAME = "idle-close";

    public IdleCloseHandler(Duration timeout) {
        super(0, 0, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
        // Handlers after this one learn why the side closes (the logs' termination state, "c"/"s").
        ctx.fireUserEventTriggered(event);
        ctx.close();
    }
}
