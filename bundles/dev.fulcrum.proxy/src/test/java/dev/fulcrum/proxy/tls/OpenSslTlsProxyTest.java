package dev.fulcrum.proxy.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.Test;

/** TLS termination on BoringSSL (netty-tcnative-boringssl-static, a test dependency of this module). */
class OpenSslTlsProxyTest extends TlsProxyTest {

    @Override
    SslProvider provider() {
        return SslProvider.OPENSSL;
    }

    @Test
    void theOpenSslProviderIsPreferredWhenTcnativeLoads() {
        assertEquals(SslProvider.OPENSSL, TlsTermination.preferredProvider());
    }
}
