package dev.fulcrum.proxy.tls;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.TlsSettings;
import dev.fulcrum.proxy.net.ClientPipeline;
import dev.fulcrum.proxy.net.ConnectionGate;
import io.netty.channel.Channel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.AttributeKey;
import io.netty.util.DomainWildcardMappingBuilder;
import io.netty.util.Mapping;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * {@code bind ... ssl crt ...} (configuration.txt 5.1): TLS 1.2 and 1.3 in front of a frontend's
 * pipeline. Each accepted connection first gets an SNI handler that picks the certificate whose
 * CN or DNS SAN matches the client's server_name (RFC 6066 section 3; {@code *.example.com} matches
 * one label), the first certificate otherwise, then the TLS handler; the frontend reads plain bytes
 * after it. ALPN (RFC 7301) advertises the bind's {@code alpn} list, in mode http restricted to
 * the HTTP/1.x this proxy speaks.
 *
 * <p>The provider is Netty's OpenSSL (BoringSSL from netty-tcnative) when that library is present, the
 * JDK's otherwise: measured here (TlsProviderBenchmark), BoringSSL does 2 to 6.5 times the server
 * handshakes per second of the JDK on one core.
 */
public final class TlsTermination implements ClientPipeline {

    private static final AttributeKey<Boolean> TLS = AttributeKey.valueOf("fulcrum.tls");
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final Set<String> HTTP1 = Set.of(ApplicationProtocolNames.HTTP_1_1, "http/1.0");
    private static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final Mapping<String, SslContext> contexts;
    private final ClientPipeline plain;
    private final long handshakeTimeoutMillis;

    private TlsTermination(Mapping<String, SslContext> contexts, ClientPipeline plain, Duration handshakeTimeout) {
        this.contexts = contexts;
        this.plain = plain;
        this.handshakeTimeoutMillis = handshakeTimeout.toMillis();
    }

    /**
     * Loads the certificates and builds the TLS contexts now, so that a bad file fails the revision.
     *
     * @param handshakeTimeout HAProxy bounds the handshake with "timeout client"; 10 s when unset
     */
    public static TlsTermination of(TlsSettings settings, Mode mode, ClientPipeline plain, Duration handshakeTimeout,
            SslProvider provider) throws TlsConfigException {
        List<PemBundle> bundles = CertificateStore.load(settings.certificates());
        List<String> alpn = mode == Mode.HTTP ? settings.alpn().stream().filter(HTTP1::contains).toList()
                : settings.alpn();
        SslContext first = context(bundles.get(0), alpn, provider);
        DomainWildcardMappingBuilder<SslContext> mapping = new DomainWildcardMappingBuilder<>(first);
        Set<String> taken = new HashSet<>();
        for (PemBundle bundle : bundles) {
            SslContext context = bundle == bundles.get(0) ? first : context(bundle, alpn, provider);
            // The first certificate naming a host wins, as in HAProxy's SNI tree.
            for (String name : CertificateNames.of(bundle.leaf())) {
                if (taken.add(name)) {
                    mapping.add(name, context);
                }
            }
        }
        return new TlsTermination(mapping.build(), plain,
                handshakeTimeout == null ? DEFAULT_HANDSHAKE_TIMEOUT : handshakeTimeout);
    }

    /** OpenSSL when netty-tcnative is loadable, else the JDK's TLS. */
    public static SslProvider preferredProvider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /** Whether the client connection came in over TLS (HAProxy logs such a frontend as "name~"). */
    public static boolean isTls(Channel client) {
        return Boolean.TRUE.equals(client.attr(TLS).get());
    }

    @Override
    public ConnectionGate gate() {
        return plain.gate();
    }

    @Override
    public void accept(Channel client) {
        client.attr(TLS).set(Boolean.TRUE);
        client.pipeline().addFirst("tls", new SniHandler(contexts, handshakeTimeoutMillis));
        plain.accept(client);
    }

    private static SslContext context(PemBundle bundle, List<String> alpn, SslProvider provider)
            throws TlsConfigException {
        try {
            SslContextBuilder builder = SslContextBuilder
                    .forServer(bundle.key(), bundle.chain().toArray(X509Certificate[]::new))
                    .sslProvider(provider)
                    .protocols(PROTOCOLS);
            if (!alpn.isEmpty()) {
                builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, alpn));
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsConfigException(bundle.file(), "cannot build a TLS context: " + e.getMessage(), e);
        }
    }
}
