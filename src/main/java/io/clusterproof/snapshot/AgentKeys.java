package io.clusterproof.snapshot;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The agent's Ed25519 keys, with the JDK's own provider: keys travel and are kept as Base64 of
 * their standard encodings (X.509 for the public key, PKCS#8 for the private one), and a key is
 * named by its fingerprint, {@code SHA256:} and the Base64 of the SHA-256 of its X.509 encoding.
 */
public final class AgentKeys {

    private static final String ALGORITHM = "Ed25519";

    private AgentKeys() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519 (Java 15 and later have it)", e);
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** @throws IllegalArgumentException naming what is wrong when the text is not an Ed25519 public key */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the public key is not a Base64 X.509 Ed25519 key", e);
        }
    }

    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the private key is not a Base64 PKCS#8 Ed25519 key", e);
        }
    }

    public static String fingerprint(PublicKey key) {
        return "SHA256:"
                + Base64.getEncoder()
                        .withoutPadding()
                        .encodeToString(HexFormat.of().parseHex(CanonicalJson.sha256(key.getEncoded())));
    }

    public static String sign(PrivateKey key, byte[] data) {
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with Ed25519 failed", e);
        }
    }

    /** False for a wrong signature and for text that is no signature at all. */
    public static boolean verify(PublicKey key, byte[] data, String base64Signature) {
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(Base64.getDecoder().decode(base64Signature.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
