package dev.fulcrum.health.internal;

import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.Url;
import dev.fulcrum.api.os.ProcessRunner;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckSpec;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/** Builds the probe a check specification asks for; rejects what cannot run with a clear message. */
final class ProbeFactory {

    private final EventLoopGroup group;
    private final ProcessRunner runner;
    private final Executor blocking;
    private final SslContext trustAll;
    private final LongSupplier nanoTime;
    private final String defaultHeloName;

    /** @param defaultHeloName SMTP_CHECK's HELO name when the checker has no helo_name (global smtp_helo_name) */
    ProbeFactory(EventLoopGroup group, ProcessRunner runner, Executor blocking, SslContext trustAll,
            LongSupplier nanoTime, String defaultHeloName) {
        this.group = group;
        this.runner = runner;
        this.blocking = blocking;
        this.trustAll = trustAll;
        this.nanoTime = nanoTime;
        this.defaultHeloName = defaultHeloName;
    }

    Probe create(CheckSpec spec) {
        if (spec instanceof CheckSpec.Haproxy haproxy) {
            return haproxy(haproxy);
        }
        return keepalived((CheckSpec.Keepalived) spec);
    }

    /** configuration.txt 5.2 "check": TCP connect, or "option httpchk" when the backend has it. */
    private Probe haproxy(CheckSpec.Haproxy spec) {
        Connections connections = new Connections(group, Optional.empty());
        if (spec.httpCheck().isEmpty()) {
            return new TcpProbe(connections, spec.timeout(), nanoTime);
        }
        var check = spec.httpCheck().get();
        HttpVerdicts.validate(check.expects());
        return new HttpProbe(connections, spec.timeout(), HttpCheckRequests.haproxyHttpchk(check), Optional.empty(),
                (response, elapsed) -> HttpVerdicts.haproxy(check.expects(), response, elapsed), nanoTime);
    }

    private Probe keepalived(CheckSpec.Keepalived spec) {
        HealthChecker checker = spec.checker();
        CheckCommon common = checker.common();
        Connections connections = new Connections(group, common.bindTo()
                .map(address -> new InetSocketAddress(address, common.bindPort().orElse(0))));
        if (checker instanceof HealthChecker.TcpCheck) {
            return new TcpProbe(connections, common.connectTimeout(), nanoTime);
        }
        if (checker instanceof HealthChecker.HttpGet http) {
            return httpGet(http, connections);
        }
        if (checker instanceof HealthChecker.MiscCheck misc) {
            return new MiscProbe(runner, blocking, misc.path(), misc.timeout().orElse(spec.effectiveDelayLoop()),
                    misc.dynamic(), misc.user());
        }
        if (checker instanceof HealthChecker.SmtpCheck smtp) {
            return new SmtpProbe(connections, common.connectTimeout(), smtp.heloName().orElse(defaultHeloName), nanoTime);
        }
        if (checker instanceof HealthChecker.DnsCheck dns) {
            return new DnsProbe(connections, common.connectTimeout(), dns.name(), dns.type(), nanoTime);
        }
        throw new IllegalArgumentException(checker.getClass().getSimpleName()
                + " is not supported by this Fulcrum version");
    }

    /** keepalived.conf(5) HTTP_GET/SSL_GET: every url must pass, checked one after the other. */
    private Probe httpGet(HealthChecker.HttpGet http, Connections connections) {
        http.httpProtocol().ifPresent(HttpCheckRequests::connectionHeader);
        List<UrlProbe> urls = http.urls().stream().map(url -> {
            Optional<String> host = url.virtualhost().or(http::virtualhost);
            Optional<HttpProbe.Tls> tls = http.ssl()
                    ? Optional.of(new HttpProbe.Tls(trustAll, http.enableSni() ? host : Optional.empty()))
                    : Optional.empty();
            return new UrlProbe(url, host, tls);
        }).toList();
        return target -> checkInTurn(urls, 0, target, http, connections);
    }

    private record UrlProbe(Url url, Optional<String> host, Optional<HttpProbe.Tls> tls) {
    }

    private CompletionStage<CheckOutcome> checkInTurn(List<UrlProbe> urls, int index, InetSocketAddress target,
            HealthChecker.HttpGet http, Connections connections) {
        UrlProbe current = urls.get(index);
        byte[] request = HttpCheckRequests.keepalivedGet(current.url().path(), current.host(), http.httpProtocol(),
                target);
        Probe probe = new HttpProbe(connections, http.common().connectTimeout(), request, current.tls(),
                (response, elapsed) -> HttpVerdicts.keepalived(current.url(), response, elapsed), nanoTime);
        return probe.check(target).thenCompose(outcome -> !outcome.passed() || index + 1 == urls.size()
                ? CompletableFuture.completedFuture(outcome)
                : checkInTurn(urls, index + 1, target, http, connections));
    }
}
