package dev.fulcrum.proxy.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The event loops and channel classes the proxy runs on: Netty's native epoll transport when it
 * loads on this machine, the JDK NIO transport otherwise. One event loop per core, as HAProxy 2.6
 * starts one thread per CPU by default (configuration.txt 3.1 "nbthread").
 */
public final class Transport implements AutoCloseable {

    private final EventLoopGroup group;
    private final boolean epoll;
    /** Every connection, so that closing the transport closes them in order before the loops stop. */
    private final ChannelGroup channels = new DefaultChannelGroup("fulcrum-proxy", GlobalEventExecutor.INSTANCE);

    private Transport(EventLoopGroup group, boolean epoll) {
        this.group = group;
        this.epoll = epoll;
    }

    /** Registers a connection to be closed with the transport (it leaves the group when it closes). */
    public void track(Channel channel) {
        channels.add(channel);
    }

    /** The native transport when available and {@code preferNative}, otherwise NIO. */
    public static Transport create(int threads, boolean preferNative) {
        boolean useEpoll = preferNative && Epoll.isAvailable();
        IoHandlerFactory factory = useEpoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new Transport(new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("fulcrum-proxy", true),
                factory), useEpoll);
    }

    public static Transport perCore() {
        return create(Runtime.getRuntime().availableProcessors(), true);
    }

    /** "epoll" or "nio", for status lines. */
    public String name() {
        return epoll ? "epoll" : "nio";
    }

    /**
     * Whether a listener may bind an address that is not (yet) configured on the host: IP_FREEBIND
     * (ip(7)), which only the native transport can set. With NIO such a bind needs the
     * net.ipv4.ip_nonlocal_bind / net.ipv6.ip_nonlocal_bind sysctls.
     */
    public boolean supportsFreeBind() {
        return epoll;
    }

    public EventLoopGroup group() {
        return group;
    }

    public ServerBootstrap serverBootstrap() {
        ServerBootstrap bootstrap = new ServerBootstrap().group(group)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
        if (epoll) {
            bootstrap.option(EpollChannelOption.IP_FREEBIND, true);
        }
        return bootstrap;
    }

    /** A client bootstrap whose connection is served by the given loop (the client side's own). */
    public Bootstrap clientBootstrap(EventLoop loop) {
        return new Bootstrap().group(loop).channel(clientChannelClass());
    }

    public Class<? extends Channel> clientChannelClass() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    @Override
    public void close() {
        channels.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
