package io.github.oauthtoken.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * An OpenPGP key made for one test run, the kind a maintainer makes with {@code gpg --quick-generate-key} today: an
 * Ed25519 primary key that certifies and signs, protected by a passphrase (AES-256, iterated and salted S2K). Its
 * secret key is exported as {@code gpg --armor --export-secret-keys} does, which is what {@code MAVEN_GPG_KEY} holds.
 */
final class TestSigningKey {
    static final String USER_ID = "ReleaseProfileIT <release-check@oauth-token.test>";

    private final PGPPublicKey publicKey;
    private final String armouredSecretKey;
    private final String armouredPublicKey;
    private final String passphrase;

    private TestSigningKey(
            PGPPublicKey publicKey, String armouredSecretKey, String armouredPublicKey, String passphrase) {
        this.publicKey = publicKey;
        this.armouredSecretKey = armouredSecretKey;
        this.armouredPublicKey = armouredPublicKey;
        this.passphrase = passphrase;
    }

    static TestSigningKey generate() {
        SecureRandom random = new SecureRandom();
        byte[] passphraseBytes = new byte[24];
        random.nextBytes(passphraseBytes);
        String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(passphraseBytes);
        try {
            Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
            generator.init(new Ed25519KeyGenerationParameters(random));
            BcPGPKeyPair primary =
                    new BcPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, generator.generateKeyPair(), new Date());

            PGPSignatureSubpacketGenerator selfSignature = new PGPSignatureSubpacketGenerator();
            selfSignature.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            selfSignature.setPreferredHashAlgorithms(false,
                    new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
            selfSignature.setPreferredSymmetricAlgorithms(false, new int[] {SymmetricKeyAlgorithmTags.AES_256});

            PGPDigestCalculatorProvider digests = new BcPGPDigestCalculatorProvider();
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, USER_ID,
                    digests.get(HashAlgorithmTags.SHA1), selfSignature.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512),
                    new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                            digests.get(HashAlgorithmTags.SHA256), 0x60).build(passphrase.toCharArray()));

            ByteArrayOutputStream secret = new ByteArrayOutputStream();
            try (OutputStream armour = new ArmoredOutputStream(secret)) {
                rings.generateSecretKeyRing().encode(armour);
            }
            ByteArrayOutputStream pub = new ByteArrayOutputStream();
            try (OutputStream armour = new ArmoredOutputStream(pub)) {
                rings.generatePublicKeyRing().encode(armour);
            }
            return new TestSigningKey(primary.getPublicKey(), secret.toString(StandardCharsets.US_ASCII),
                    pub.toString(StandardCharsets.US_ASCII), passphrase);
        } catch (PGPException e) {
            throw new IllegalStateException("Bouncy Castle could not make an Ed25519 OpenPGP key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code MAVEN_GPG_KEY} holds. */
    String armouredSecretKey() {
        return armouredSecretKey;
    }

    /** A mistake a maintainer makes: the public key exported instead of the secret one. */
    String armouredPublicKey() {
        return armouredPublicKey;
    }

    /** What {@code MAVEN_GPG_PASSPHRASE} holds. */
    String passphrase() {
        return passphrase;
    }

    /**
     * Asserts that {@code signature} is one ASCII-armoured detached OpenPGP signature, by this key, of exactly
     * {@code content}, as Maven Central checks each {@code .asc}.
     */
    void assertSigned(String what, byte[] content, byte[] signature) {
        assertThat(new String(signature, StandardCharsets.US_ASCII))
                .as("%s.asc is ASCII-armoured", what)
                .startsWith("-----BEGIN PGP SIGNATURE-----");
        PGPSignature parsed = parse(what, signature);
        assertThat(parsed.getKeyID()).as("%s.asc is made by the test key", what).isEqualTo(publicKey.getKeyID());
        assertThat(parsed.getSignatureType())
                .as("%s.asc signs the file's bytes", what)
                .isEqualTo(PGPSignature.BINARY_DOCUMENT);
        assertThat(verifies(parsed, content)).as("%s.asc verifies against %s", what, what).isTrue();
    }

    /** Whether {@code signature} verifies against {@code content}: false for content it was not made of. */
    boolean verifies(String what, byte[] content, byte[] signature) {
        return verifies(parse(what, signature), content);
    }

    private boolean verifies(PGPSignature signature, byte[] content) {
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), publicKey);
            signature.update(content);
            return signature.verify();
        } catch (PGPException e) {
            throw new AssertionError("cannot verify a signature with the test key", e);
        }
    }

    private static PGPSignature parse(String what, byte[] signature) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signature))) {
            Object packet = new BcPGPObjectFactory(in).nextObject();
            assertThat(packet).as("%s.asc holds an OpenPGP signature", what).isInstanceOf(PGPSignatureList.class);
            PGPSignatureList signatures = (PGPSignatureList) packet;
            assertThat(signatures.size()).as("%s.asc holds one signature", what).isEqualTo(1);
            return signatures.get(0);
        } catch (IOException e) {
            throw new AssertionError(what + ".asc is not an OpenPGP signature", e);
        }
    }
}
