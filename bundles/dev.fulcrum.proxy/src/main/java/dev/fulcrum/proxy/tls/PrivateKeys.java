package dev.fulcrum.proxy.tls;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Private keys in the forms OpenSSL writes: PKCS#8 as is, and the "traditional" PKCS#1 RSA and SEC1 EC
 * forms re-wrapped into a PKCS#8 PrivateKeyInfo (RFC 5208 section 5), which is what the JDK decodes.
 */
final class PrivateKeys {

    // DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL } (RFC 8017 A.1).
    private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");
    // DER of OID id-ecPublicKey 1.2.840.10045.2.1 (RFC 5480 section 2.1.1).
    private static final byte[] EC_PUBLIC_KEY = HexFormat.of().parseHex("06072a8648ce3d0201");
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    private static final int SEQUENCE = 0x30;
    private static final int OCTET_STRING = 0x04;
    private static final int OID = 0x06;
    private static final int PARAMETERS_TAG = 0xa0;

    private PrivateKeys() {
    }

    /** Decodes a PrivateKeyInfo of any algorithm the JDK knows. */
    static PrivateKey pkcs8(Path file, byte[] der) throws TlsConfigException {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
            try {
                return PemBundle.decodePkcs8(der, algorithm);
            } catch (GeneralSecurityException e) {
                // Not this algorithm; try the next.
            }
        }
        throw new TlsConfigException(file, "the private key cannot be decoded (expected an RSA or EC key)");
    }

    /** PKCS#1 RSAPrivateKey to PrivateKeyInfo. */
    static byte[] fromPkcs1(byte[] rsaPrivateKey) {
        return tlv(SEQUENCE, concat(VERSION_0, RSA_ALGORITHM, tlv(OCTET_STRING, rsaPrivateKey)));
    }

    /**
     * SEC1 ECPrivateKey {version, privateKey, [0] parameters, [1] publicKey} (RFC 5915 section 3) to
     * PrivateKeyInfo, carrying the named curve from [0] into the AlgorithmIdentifier.
     */
    static byte[] fromSec1(Path file, byte[] ecPrivateKey) throws TlsConfigException {
        byte[] curve = namedCurve(ecPrivateKey);
        if (curve == null) {
            throw new TlsConfigException(file, "the EC PRIVATE KEY names no curve; expected a named-curve key"
                    + " (openssl ecparam -name prime256v1 -genkey)");
        }
        byte[] algorithm = tlv(SEQUENCE, concat(EC_PUBLIC_KEY, curve));
        return tlv(SEQUENCE, concat(VERSION_0, algorithm, tlv(OCTET_STRING, ecPrivateKey)));
    }

    /** The DER of the curve OID inside [0], or null. */
    private static byte[] namedCurve(byte[] der) {
        try {
            int[] outer = header(der, 0);
            if (der[0] != SEQUENCE) {
                return null;
            }
            int at = outer[0];
            int end = at + outer[1];
            while (at < end) {
                int tag = der[at] & 0xff;
                int[] element = header(der, at);
                if (tag == PARAMETERS_TAG && der[element[0]] == OID) {
                    int[] oid = header(der, element[0]);
                    return Arrays.copyOfRange(der, element[0], oid[0] + oid[1]);
                }
                at = element[0] + element[1];
            }
            return null;
        } catch (ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** {content offset, content length} of the element at {@code at} (X.690 8.1.3 definite lengths). */
    private static int[] header(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        if (first < 0x80) {
            return new int[] {at + 2, first};
        }
        int count = first & 0x7f;
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xff);
        }
        return new int[] {at + 2 + count, length};
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
