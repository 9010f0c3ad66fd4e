package dev.fulcrum.proxy.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.security.auth.x500.X500Principal;

/**
 * The host names a certificate answers for, as HAProxy indexes them for SNI (configuration.txt 5.1
 * "crt": "the SNI will be matched against the CN and the SAN"): the DNS subjectAltNames (RFC 5280
 * 4.2.1.6) and the subject's commonName, lower case, wildcards such as {@code *.example.com} kept.
 */
final class CertificateNames {

    private static final int DNS_NAME = 2;

    private CertificateNames() {
    }

    static Set<String> of(X509Certificate certificate) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    if (entry.size() == 2 && Integer.valueOf(DNS_NAME).equals(entry.get(0))) {
                        names.add(entry.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unparsable extension leaves the CN as the only name, as in OpenSSL's view.
        }
        commonName(certificate.getSubjectX500Principal()).ifPresent(cn -> names.add(cn.toLowerCase(Locale.ROOT)));
        return names;
    }

    /** The first CN attribute of the subject's distinguished name (RFC 4514). */
    private static Optional<String> commonName(X500Principal subject) {
        try {
            return new LdapName(subject.getName(X500Principal.RFC2253)).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .map(rdn -> rdn.getValue().toString())
                    .findFirst();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
