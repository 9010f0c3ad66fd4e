package dev.fulcrum.health.internal;

import dev.fulcrum.api.os.Command;
import dev.fulcrum.api.os.ProcessRunner;
import dev.fulcrum.health.CheckSpec;
import dev.fulcrum.health.CheckTarget;
import dev.fulcrum.health.HealthEvent;
import dev.fulcrum.health.HealthListener;
import dev.fulcrum.health.HealthMonitor;
import dev.fulcrum.health.HealthService;
import dev.fulcrum.health.HealthState;
import dev.fulcrum.health.KeepalivedLogLines;
import dev.fulcrum.api.model.lvs.HealthChecker;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The HealthService: one Netty event loop for all probes and timers, a small thread pool for
 * scripts (MISC_CHECK, notify_up/notify_down), which block.
 */
@Component(service = HealthService.class, immediate = true)
public final class HealthServiceImpl implements HealthService {

    private final ProcessRunner runner;
    private final Logger log;
    private final EventLoopGroup group;
    private final ExecutorService blocking;
    private final ProbeFactory probes;
    private final NotifyScripts notify;
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    private final Set<HealthMonitor> running = ConcurrentHashMap.newKeySet();

    @Activate
    public HealthServiceImpl(@Reference ProcessRunner runner,
            @Reference(service = LoggerFactory.class) Logger log) throws SSLException {
        this.runner = runner;
        this.log = log;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("fulcrum-health", true),
                NioIoHandler.newFactory());
        this.blocking = Executors.newCachedThreadPool(new DefaultThreadFactory("fulcrum-health-script", true));
        // keepalived's SSL_GET does not verify the server certificate; neither does HAProxy without "verify".
        SslContext trustAll = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        this.probes = new ProbeFactory(group, runner, blocking, trustAll, System::nanoTime, "localhost");
        this.notify = new NotifyScripts(runner, blocking, line -> { if (log != null) log.warn(line); });
    }

    @Override
    public HealthMonitor start(CheckTarget target, CheckSpec spec, HealthListener listener) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(listener, "listener");
        CheckLoop loop = new CheckLoop(target, spec, listener, new EventLoopScheduler(group.next()), probes::create,
                this::machine, this::changed);
        running.add(loop);
        loop.start();
        return new HealthMonitor() {
            @Override
            public CheckTarget target() {
                return loop.target();
            }

            @Override
            public HealthState state() {
                return loop.state();
            }

            @Override
            public void reconfigure(CheckSpec newSpec) {
                loop.reconfigure(Objects.requireNonNull(newSpec, "spec"));
            }

            @Override
            public void stop() {
                loop.stop();
                running.remove(loop);
            }
        };
    }

    private VerdictMachine machine(CheckSpec spec, HealthState initial) {
        if (spec instanceof CheckSpec.Haproxy haproxy) {
            return new HaproxyRiseFall(haproxy.server(), initial);
        }
        CheckSpec.Keepalived keepalived = (CheckSpec.Keepalived) spec;
        return new KeepalivedRetry(keepalived.checker().common(), keepalived.effectiveDelayLoop(), initial,
                random.split());
    }

    private void changed(HealthEvent event, CheckSpec spec) {
        notify.changed(event, spec);
        if (log != null && spec instanceof CheckSpec.Keepalived keepalived) {
            log.info(KeepalivedLogLines.checkResult(kind(keepalived.checker()), event.target().name(), event.cause()));
        } else if (log != null) {
            log.debug("{} is {} ({})", event.target().name(), event.state(), event.cause());
        }
    }

    static KeepalivedLogLines.Checker kind(HealthChecker checker) {
        if (checker instanceof HealthChecker.HttpGet http) {
            return http.ssl() ? KeepalivedLogLines.Checker.SSL_GET : KeepalivedLogLines.Checker.HTTP_GET;
        }
        if (checker instanceof HealthChecker.MiscCheck) {
            return KeepalivedLogLines.Checker.MISC_CHECK;
        }
        if (checker instanceof HealthChecker.SmtpCheck) {
            return KeepalivedLogLines.Checker.SMTP_CHECK;
        }
        return checker instanceof HealthChecker.DnsCheck ? KeepalivedLogLines.Checker.DNS_CHECK
                : KeepalivedLogLines.Checker.TCP_CHECK;
    }

    /** Stops every monitor (keepalived omega reports UP servers DOWN), then the threads. */
    @Deactivate
    void deactivate() {
        for (HealthMonitor monitor : running) {
            monitor.stop();
        }
        running.clear();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        blocking.shutdown();
        try {
            // omega's notify_down scripts run to their end (each is bounded by its own timeout)
            if (!blocking.awaitTermination(Command.DEFAULT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
                blocking.shutdownNow();
            }
        } catch (InterruptedException e) {
            blocking.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
