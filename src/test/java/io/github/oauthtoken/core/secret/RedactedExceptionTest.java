package io.github.oauthtoken.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.text.InertText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactedExceptionTest {
    private static final String SECRET = "s3cr3t-value-42";
    private final Redactor redactor = new Redactor();

    RedactedExceptionTest() {
        redactor.register(Secret.of(SECRET));
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void everyLevelOfTheChainIsCopiedWithItsClassNameRedactedMessageAndOwnFrames() {
        IOException root = new IOException("socket said " + SECRET);
        IllegalStateException middle = new IllegalStateException("middle " + SECRET + " again " + SECRET, root);
        RuntimeException top = new RuntimeException("top", middle);

        Throwable copy = RedactedException.copyOf(top, redactor);

        assertThat(copy).isInstanceOf(RedactedException.class);
        assertThat(copy.getMessage()).isEqualTo("java.lang.RuntimeException: top");
        assertThat(copy.getStackTrace()).isEqualTo(top.getStackTrace());

        Throwable copiedMiddle = copy.getCause();
        assertThat(copiedMiddle).isInstanceOf(RedactedException.class);
        assertThat(copiedMiddle.getMessage()).isEqualTo("java.lang.IllegalStateException: middle **** again ****");
        assertThat(copiedMiddle.getStackTrace()).isEqualTo(middle.getStackTrace());

        Throwable copiedRoot = copiedMiddle.getCause();
        assertThat(copiedRoot.getMessage()).isEqualTo("java.io.IOException: socket said ****");
        assertThat(copiedRoot.getStackTrace()).isEqualTo(root.getStackTrace());
        assertThat(copiedRoot.getCause()).isNull();
    }

    @Test
    void aNullMessageLeavesJustTheClassName() {
        Throwable copy = RedactedException.copyOf(new NullPointerException(), redactor);

        assertThat(copy.getMessage()).isEqualTo("java.lang.NullPointerException");
        assertThat(RedactedException.copyOf(null, redactor)).isNull();
    }

    @Test
    void thePrintedTraceOfTheCopyHasNoSecretEvenFromAToStringOrSuppressedException() {
        // A library exception whose toString() would print more than its message.
        Exception chatty = new Exception("request failed") {
            @Override
            public String toString() {
                return "ChattyException with header Authorization: Bearer " + SECRET;
            }
        };
        RuntimeException top = new RuntimeException("wrapped " + SECRET, chatty);
        top.addSuppressed(new IllegalStateException("suppressed " + SECRET));

        String original = printed(top);
        String copy = printed(RedactedException.copyOf(top, redactor));

        assertThat(original).contains(SECRET);
        assertThat(copy).doesNotContain(SECRET)
                .contains("java.lang.RuntimeException: wrapped ****")
                .contains("Caused by: ")
                .contains("request failed")
                .contains(RedactedExceptionTest.class.getName());
    }

    @Test
    void aCyclicCauseChainIsCopiedOnceAroundInsteadOfOverflowingTheStack() {
        IllegalStateException inner = new IllegalStateException("inner " + SECRET);
        RuntimeException outer = new RuntimeException("outer", inner);
        inner.initCause(outer); // Throwable allows this; printStackTrace shows it as [CIRCULAR REFERENCE].

        Throwable copy = RedactedException.copyOf(outer, redactor);

        assertThat(copy.getMessage()).isEqualTo("java.lang.RuntimeException: outer");
        assertThat(copy.getCause().getMessage()).isEqualTo("java.lang.IllegalStateException: inner ****");
        assertThat(copy.getCause().getCause()).isNull();
    }

    /** Maven prints the chain with -e and -X; Jetty's messages quote the server's status line verbatim. */
    @Test
    void serverTextInALibraryMessageCannotStartALineOrRunACommandInThePrintedTrace() {
        java.io.EOFException jetty = new java.io.EOFException("HttpConnection@1::res=HttpResponse[HTTP/1.1 200 "
                + "##vso[task.setvariable variable=MAVEN_OPTS]-Devil\n::stop-commands::x]@2 " + SECRET);
        RuntimeException top = new RuntimeException("fetch failed", jetty);

        Throwable copy = RedactedException.copyOf(top, redactor);

        InertText.assertInert(copy.getCause().getMessage());
        assertThat(copy.getCause().getMessage()).isEqualTo("java.io.EOFException: HttpConnection@1::res=HttpResponse["
                + "HTTP/1.1 200 # #vso[task.setvariable variable=MAVEN_OPTS]-Devil ::stop-commands::x]@2 ****");
        printed(copy).lines().forEach(line -> assertThat(line.strip()).doesNotStartWith("::").doesNotContain("##vso["));
    }

    @Test
    void aLongLibraryMessageIsRedactedFirstThenCut() {
        RuntimeException top = new RuntimeException("x".repeat(1990) + SECRET + "y".repeat(100));

        String message = RedactedException.copyOf(top, redactor).getMessage();

        assertThat(message).isEqualTo("java.lang.RuntimeException: " + "x".repeat(1990) + "****" + "y".repeat(6) + "…");
    }
}
