package io.github.oauthtoken.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.credentials.AccessKey;
import io.github.oauthtoken.core.credentials.ClientCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretTest {
    private static final String VALUE = "hunter2-hunter2";

    @Test
    void everyWayOfPrintingASecretShowsTheMask() {
        Secret secret = Secret.of(VALUE);

        assertThat(secret.toString()).isEqualTo("****");
        assertThat(String.valueOf(secret)).isEqualTo("****");
        assertThat("value: " + secret).isEqualTo("value: ****");
        assertThat(String.format("%s", secret)).isEqualTo("****");
        assertThat(List.of(secret).toString()).isEqualTo("[****]");
    }

    @Test
    void recordsHoldingASecretPrintTheMaskToo() {
        String client = new ClientCredentials("the-id", Secret.of(VALUE), "origin").toString();
        String key = new AccessKey("key-id", Secret.of(VALUE), "origin").toString();

        assertThat(client).isEqualTo("ClientCredentials[clientId=the-id, clientSecret=****, origin=origin, assertions=null, "
                + "certificate=null]");
        assertThat(key).doesNotContain(VALUE).contains("secret=****");
    }

    @Test
    void revealGivesTheValueAndEqualityIsByValue() {
        Secret secret = Secret.of(VALUE);

        assertThat(secret.reveal()).isEqualTo(VALUE);
        assertThat(secret).isEqualTo(Secret.of(VALUE)).hasSameHashCodeAs(Secret.of(VALUE));
        assertThat(secret).isNotEqualTo(Secret.of("other")).isNotEqualTo(VALUE);
        assertThat(Secret.of("").isEmpty()).isTrue();
        assertThat(secret.isEmpty()).isFalse();
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
    }
}
