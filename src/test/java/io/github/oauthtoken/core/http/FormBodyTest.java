package io.github.oauthtoken.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormBodyTest {
    @Test
    void formBodiesUseTheFormEncoding() {
        assertThat(new FormBody().add("grant_type", "client_credentials").add("scope", "a b+c")
                .addIfPresent("audience", " ").addIfPresent("x", null).encode())
                .isEqualTo("grant_type=client_credentials&scope=a+b%2Bc");
    }

    @Test
    void fieldsKeepTheOrderTheyWereAddedIn() {
        assertThat(new FormBody().add("z", "1").add("a", "2").add("m", "3").encode()).isEqualTo("z=1&a=2&m=3");
    }

    @Test
    void everyCharacterThatMeansSomethingInAFormIsEscaped() {
        assertThat(new FormBody().add("password", "p&a=s s+%/?#:é").encode())
                .isEqualTo("password=p%26a%3Ds+s%2B%25%2F%3F%23%3A%C3%A9");
        assertThat(new FormBody().add("a b", "c").encode()).isEqualTo("a+b=c");
        // Unreserved characters stay as they are.
        assertThat(FormBody.encode("AZaz09-_.*")).isEqualTo("AZaz09-_.*");
    }

    @Test
    void optionalFieldsAreOnlyAddedWhenTheyHaveAValue() {
        FormBody form = new FormBody().add("grant_type", "client_credentials")
                .addIfPresent("scope", null).addIfPresent("scope", "").addIfPresent("scope", "  \t")
                .addIfPresent("audience", "api://x");

        assertThat(form.encode()).isEqualTo("grant_type=client_credentials&audience=api%3A%2F%2Fx");
    }

    @Test
    void aFieldAddedTwiceKeepsItsPlaceAndTakesTheLastValue() {
        assertThat(new FormBody().add("a", "1").add("b", "2").add("a", "3").encode()).isEqualTo("a=3&b=2");
    }

    @Test
    void anEmptyFormIsAnEmptyBodyOfTheFormContentType() {
        assertThat(new FormBody().encode()).isEmpty();
        assertThat(FormBody.CONTENT_TYPE).isEqualTo("application/x-www-form-urlencoded");
    }
}
