package io.github.oauthtoken.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void masksTheRawFormEncodedAndBasicFormsOfASecret() {
        Redactor redactor = new Redactor();
        redactor.register(Secret.of("p@ss word+1"));
        redactor.registerBasicCredential("client:p%40ss+word%2B1");
        String basic = Base64.getEncoder().encodeToString("client:p%40ss+word%2B1".getBytes());

        assertThat(redactor.redact("raw p@ss word+1, form p%40ss+word%2B1, header Basic " + basic))
                .isEqualTo("raw ****, form ****, header Basic ****");
    }

    @Test
    void masksTheLongestValueFirstSoNoPieceOfItSurvives() {
        Redactor redactor = new Redactor();
        redactor.register(Secret.of("abcd"));
        redactor.register(Secret.of("abcdefgh"));

        assertThat(redactor.redact("x abcdefgh y abcd")).isEqualTo("x **** y ****");
    }

    @Test
    void ignoresValuesTooShortToBeSecretsAndNullText() {
        Redactor redactor = new Redactor();
        redactor.register(Secret.of("ab"));

        assertThat(redactor.redact("ab cd")).isEqualTo("ab cd");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void aSecretNeverPrintsItself() {
        Secret secret = Secret.of("hunter2-hunter2");

        assertThat(secret.toString()).isEqualTo("****");
        assertThat("value: " + secret).isEqualTo("value: ****");
        assertThat(secret.reveal()).isEqualTo("hunter2-hunter2");
    }

    @Test
    void redactedCopiesOfAnExceptionChainKeepClassesAndFramesButNotSecrets() {
        Redactor redactor = new Redactor();
        redactor.register(Secret.of("s3cr3t-value"));
        IllegalStateException root = new IllegalStateException("root saw s3cr3t-value");
        RuntimeException top = new RuntimeException("top with s3cr3t-value", root);

        Throwable copy = RedactedException.copyOf(top, redactor);

        assertThat(copy.getMessage()).isEqualTo("java.lang.RuntimeException: top with ****");
        assertThat(copy.getCause().getMessage()).isEqualTo("java.lang.IllegalStateException: root saw ****");
        assertThat(copy.getStackTrace()).isEqualTo(top.getStackTrace());
        assertThat(RedactedException.copyOf(null, redactor)).isNull();
    }
}
