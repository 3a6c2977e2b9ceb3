package io.github.oauthtoken.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.secret.Secret;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    @Test
    void isTheFirstEightHexDigitsOfTheSha256() {
        // FIPS 180-2 test vectors: SHA-256("abc") = ba7816bf 8f01cfea..., SHA-256("") = e3b0c442 98fc1c14...
        assertThat(Fingerprint.of("abc")).isEqualTo("ba7816bf");
        assertThat(Fingerprint.of("")).isEqualTo("e3b0c442");
        assertThat(Fingerprint.of("The quick brown fox jumps over the lazy dog")).isEqualTo("d7a8fbb3");
    }

    @Test
    void hashesTheUtf8BytesOfTheToken() {
        // SHA-256(c3 a9), the UTF-8 encoding of "é", starts 4a99557e; SHA-256 of the Latin-1 byte e9 starts de2e331d.
        assertThat(Fingerprint.of("é")).isEqualTo("4a99557e");
    }

    @Test
    void anAccessTokenIsNamedByTheFingerprintOfItsValue() {
        AccessToken token = new AccessToken(Secret.of("abc"), "bearer", 60, Instant.EPOCH, Optional.empty(), "expires_in");

        assertThat(token.fingerprint()).isEqualTo("ba7816bf");
    }
}
