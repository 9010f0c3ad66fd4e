package dev.fulcrum.demo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The demo backends of the embedded default: one HTTP server per configured port, server N
 * answering "backend N", so that {@code curl http://127.0.0.1:8080/} through the default
 * haproxy.cfg shows the round robin. Configured by PID {@value #PID} ({@code etc/dev.fulcrum.demo.cfg}),
 * and only runs while that configuration exists: a configuration directory without the file (a
 * production box, a test's scratch directory) leaves ports 8081/8082 alone even with the bundle.
 */
@Component(immediate = true, configurationPid = DemoBackends.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoBackends.Config.class)
public final class DemoBackends {

    static final String PID = "dev.fulcrum.demo";

    @ObjectClassDefinition(name = "Fulcrum demo backends")
    public @interface Config {
        @AttributeDefinition(description = "Address the demo backends listen on")
        String address() default "127.0.0.1";

        @AttributeDefinition(description = "Comma-separated ports, one per backend; backend N answers \"backend N\"")
        String ports() default "8081,8082";
    }

    private final Logger log;
    private final EventLoopGroup loop;
    private final List<Channel> servers = new ArrayList<>();

    @Activate
    public DemoBackends(Config config, @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        int[] ports = ports(config.ports());
        loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("fulcrum-demo", true), NioIoHandler.newFactory());
        for (int i = 0; i < ports.length; i++) {
            String body = "backend " + (i + 1);
            InetSocketAddress address = new InetSocketAddress(config.address(), ports[i]);
            try {
                servers.add(bind(address, body));
                log.info("demo {} listening on http://{}:{}/", body, config.address(), ports[i]);
            } catch (Exception e) { // Netty rethrows the BindException unchecked
                // one port in use must not take the other demo backend down with it
                log.error("demo {} cannot listen on {}:{}: {}", body, config.address(), ports[i], e.getMessage());
            }
        }
    }

    /** @throws IllegalArgumentException naming the bad entry, so DS logs why nothing started */
    static int[] ports(String list) {
        String[] entries = list.split(",");
        int[] ports = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            try {
                ports[i] = Integer.parseInt(entry);
            } catch (NumberFormatException e) {
                ports[i] = -1;
            }
            if (ports[i] < 1 || ports[i] > 65535) {
                throw new IllegalArgumentException(PID + ": ports: '" + entry + "' is not a port (1-65535)");
            }
        }
        return ports;
    }

    private Channel bind(InetSocketAddress address, String body) {
        return new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new DemoHandler(body));
                    }
                })
                .bind(address).syncUninterruptibly().channel();
    }

    @Deactivate
    void stop() {
        servers.forEach(server -> server.close().syncUninterruptibly());
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        log.info("demo backends stopped");
    }
}
