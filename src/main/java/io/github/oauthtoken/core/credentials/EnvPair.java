package io.github.oauthtoken.core.credentials;

/** The names of two environment variables that hold an id and its secret. */
public record EnvPair(String idVariable, String secretVariable) {
    @Override
    public String toString() {
        return idVariable + " / " + secretVariable;
    }
}
