package dev.fulcrum.proxy.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.proxy.testing.Certificates;
import dev.fulcrum.proxy.testing.Certificates.KeyForm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Certificate files as openssl writes them, and the errors for files that cannot serve. */
class PemBundleTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeyForm.class)
    void readsCertificateAndKeyInEachKeyForm(KeyForm form) throws Exception {
        Path pem = Certificates.create(dir, "site.pem", form, "site.test", "site.test", "*.site.test");

        PemBundle bundle = PemBundle.read(pem);

        assertEquals(1, bundle.chain().size());
        assertEquals(form.name().startsWith("RSA") ? "RSA" : "EC", bundle.key().getAlgorithm());
        assertEquals(Set.of("site.test", "*.site.test"), CertificateNames.of(bundle.leaf()));
    }

    @Test
    void keyBeforeCertificateAndAChainAreAccepted() throws Exception {
        Path leaf = Certificates.create(dir, "leaf.pem", KeyForm.EC_PKCS8, "leaf.test");
        Path other = Certificates.create(dir, "other.pem", KeyForm.EC_PKCS8, "ca.test");
        Path pem = write("chain.pem", Certificates.keyText(leaf) + Certificates.certificateText(leaf) + "\n"
                + Certificates.certificateText(other) + "\n");

        PemBundle bundle = PemBundle.read(pem);

        assertEquals(2, bundle.chain().size());
        assertEquals(Set.of("leaf.test"), CertificateNames.of(bundle.leaf()));
    }

    @Test
    void commonNameIsTheNameWithoutSubjectAltNames() throws Exception {
        Path pem = Certificates.create(dir, "cn.pem", KeyForm.EC_TRADITIONAL, "Only.CN.test");

        assertEquals(Set.of("only.cn.test"), CertificateNames.of(PemBundle.read(pem).leaf()));
    }

    @Test
    void missingFileNamesTheFile() {
        Path missing = dir.resolve("absent.pem");

        TlsConfigException e = assertThrows(TlsConfigException.class, () -> PemBundle.read(missing));

        assertEquals(missing, e.file());
        assertTrue(e.getMessage().startsWith("crt " + missing + ": cannot read"), e.getMessage());
    }

    @Test
    void certificateWithoutKeyIsRejected() throws Exception {
        Path pem = Certificates.create(dir, "a.pem", KeyForm.RSA_PKCS8, "a.test");
        Path certOnly = write("cert-only.pem", Certificates.certificateText(pem));

        assertError(certOnly, "no private key; expected '-----BEGIN PRIVATE KEY-----'");
    }

    @Test
    void keyWithoutCertificateIsRejected() throws Exception {
        Path pem = Certificates.create(dir, "a.pem", KeyForm.RSA_PKCS8, "a.test");
        Path keyOnly = write("key-only.pem", Certificates.keyText(pem));

        assertError(keyOnly, "no certificate; expected a PEM with '-----BEGIN CERTIFICATE-----'");
    }

    @Test
    void keyOfAnotherCertificateIsRejected() throws Exception {
        Path a = Certificates.create(dir, "a.pem", KeyForm.EC_PKCS8, "a.test");
        Path b = Certificates.create(dir, "b.pem", KeyForm.EC_PKCS8, "b.test");
        Path mixed = write("mixed.pem", Certificates.certificateText(a) + Certificates.keyText(b));

        assertError(mixed, "the private key does not match the first certificate (CN=a.test)");
    }

    @Test
    void corruptCertificateIsRejected() throws Exception {
        Path pem = write("corrupt.pem", "-----BEGIN CERTIFICATE-----\nAAAABBBBCCCC\n-----END CERTIFICATE-----\n");

        assertError(pem, "invalid certificate");
    }

    @Test
    void encryptedKeyIsRejectedWithWhatIsExpected() throws Exception {
        Path pem = Certificates.create(dir, "a.pem", KeyForm.RSA_PKCS8, "a.test");
        Path encrypted = write("enc.pem", Certificates.certificateText(pem)
                + "\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");

        assertError(encrypted, "the private key is encrypted; expected an unencrypted key");
    }

    @Test
    void directoryIsLoadedInNameOrderSkippingCompanionFiles() throws Exception {
        Certificates.create(dir, "b.pem", KeyForm.EC_PKCS8, "b.test");
        Certificates.create(dir, "a.pem", KeyForm.EC_PKCS8, "a.test");
        write("a.pem.ocsp", "not a certificate");
        write(".hidden", "not a certificate");

        List<PemBundle> bundles = CertificateStore.load(List.of(dir.toString()));

        assertEquals(List.of(dir.resolve("a.pem"), dir.resolve("b.pem")), bundles.stream().map(PemBundle::file).toList());
    }

    @Test
    void emptyDirectoryIsRejected() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        TlsConfigException e = assertThrows(TlsConfigException.class, () -> CertificateStore.load(List.of(empty.toString())));

        assertEquals("crt " + empty + ": the directory holds no certificate file", e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertError(Path file, String expected) {
        TlsConfigException e = assertThrows(TlsConfigException.class, () -> PemBundle.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith("crt " + file + ": " + expected), e.getMessage());
    }
}
