package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.List;

/**
 * TLS on a {@code bind} line (configuration.txt 5.1 "Bind options": "ssl", "crt", "alpn").
 *
 * @param certificates PEM files or directories, in the order written; at least one
 * @param alpn         protocol names to advertise, e.g. {@code h2, http/1.1}; empty: no ALPN
 */
public record TlsSettings(List<String> certificates, List<String> alpn) {

    public TlsSettings {
        certificates = List.copyOf(certificates);
        alpn = List.copyOf(alpn);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("ssl needs at least one certificate (crt)");
        }
        certificates.forEach(c -> Checks.name("crt", c));
        alpn.forEach(a -> Checks.name("alpn protocol", a));
    }
}
