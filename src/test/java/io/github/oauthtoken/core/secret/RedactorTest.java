package io.github.oauthtoken.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.text.ServerText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /** ServerText cuts long server text; a secret the server echoed may straddle the cut. */
    @Test
    void aSecretCutShortByTheEllipsisOfServerTextIsMaskedToo() {
        Redactor redactor = new Redactor();
        redactor.register(Secret.of("s3cr3t-value-42"));
        String cut = ServerText.neutralise("x".repeat(190) + " s3cr3t-value-42 and more");

        assertThat(cut).endsWith(" s3cr3t-va" + ServerText.ELLIPSIS);
        assertThat(redactor.redact(cut)).isEqualTo("x".repeat(190) + " ****" + ServerText.ELLIPSIS);
        assertThat(redactor.redact("said s3cr3t…, then ok")).isEqualTo("said ****…, then ok");
        assertThat(redactor.redact("said s3cr3t-value-42 then s3cr3…")).isEqualTo("said **** then ****…");
    }

    @Test
    void onlyAPrefixLongEnoughToBeWorthHidingIsMaskedBeforeAnEllipsis() {
        Redactor redactor = new Redactor();
        redactor.register(Secret.of("s3cr3t-value-42"));

        // Three characters tell nothing about the secret, and masking them would garble ordinary cut text.
        assertThat(redactor.redact("the s3c… and the s…")).isEqualTo("the s3c… and the s…");
        assertThat(redactor.redact("value-42…")).isEqualTo("value-42…");
        assertThat(redactor.redact("s3cr…")).isEqualTo("****…");
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

    @Test
    void registeringASecretAloneAlsoMasksItsFormEncodedForm() {
        Redactor redactor = new Redactor();
        String secret = "a+b/c=d e%f&g";
        String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        redactor.register(Secret.of(secret));

        assertThat(formEncoded).isEqualTo("a%2Bb%2Fc%3Dd+e%25f%26g");
        assertThat(redactor.redact("grant_type=password&password=" + formEncoded + "&x=1"))
                .isEqualTo("grant_type=password&password=****&x=1");
        assertThat(redactor.redact("raw: " + secret)).isEqualTo("raw: ****");
    }

    @Test
    void theBasicFormMasksTheHeaderAndThePairButNotTheClientIdAlone() {
        Redactor redactor = new Redactor();
        String pair = "my-client:s3cret%2Bvalue";
        redactor.registerBasicCredential(pair);
        String header = "Authorization: Basic "
                + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));

        assertThat(redactor.redact(header)).isEqualTo("Authorization: Basic ****");
        assertThat(redactor.redact("pair " + pair)).isEqualTo("pair ****");
        // The client id is not a secret, and messages name it to help the user.
        assertThat(redactor.redact("client my-client")).isEqualTo("client my-client");
    }

    @Test
    void aSecretInsideAnotherIsMaskedWholeWhicheverWasRegisteredFirst() {
        Redactor redactor = new Redactor();
        redactor.register(Secret.of("cdef"));
        redactor.register(Secret.of("abcdefgh"));

        // Shorter-first would leave "ab****gh", two fragments of the longer secret.
        assertThat(redactor.redact("[abcdefgh] [cdef]")).isEqualTo("[****] [****]");
    }

    @Test
    void everyOccurrenceIsMaskedAndTheValueIsMatchedLiterallyNotAsARegex() {
        Redactor redactor = new Redactor();
        redactor.register(Secret.of("a.b*c$1\\"));

        assertThat(redactor.redact("a.b*c$1\\ and a.b*c$1\\")).isEqualTo("**** and ****");
        assertThat(redactor.redact("aXbbbc$1\\")).isEqualTo("aXbbbc$1\\");
    }

    @Test
    void fourCharactersAreMaskedThreeAreNotAndNullIsIgnored() {
        Redactor redactor = new Redactor();
        redactor.register(null);
        assertThat(redactor.redact("nothing registered")).isEqualTo("nothing registered");

        redactor.register(Secret.of("wxyz"));
        redactor.register(Secret.of("abc"));

        assertThat(redactor.redact("wxyz abc")).isEqualTo("**** abc");
    }
}
