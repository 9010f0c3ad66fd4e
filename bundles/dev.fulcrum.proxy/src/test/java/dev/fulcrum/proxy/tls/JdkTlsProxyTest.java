package dev.fulcrum.proxy.tls;

import io.netty.handler.ssl.SslProvider;

/** TLS termination on the JDK's provider, what the appliance runs without netty-tcnative. */
class JdkTlsProxyTest extends TlsProxyTest {

    @Override
    SslProvider provider() {
        return SslProvider.JDK;
    }
}
