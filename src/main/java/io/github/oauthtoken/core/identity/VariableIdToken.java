package io.github.oauthtoken.core.identity;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.CiSystem;
import io.github.oauthtoken.core.secret.Secret;
import java.util.function.Function;

/**
 * An identity token the CI put into an environment variable: GitLab CI's {@code id_tokens:}, Jenkins'
 * {@code withCredentials} binding of an OpenID Connect id token. Read at each use, as the CI may renew it.
 */
public final class VariableIdToken implements IdentityTokenSource {
    private final Function<String, String> environment;
    private final String name;

    public VariableIdToken(Function<String, String> environment, String name) {
        this.environment = environment;
        this.name = name;
    }

    @Override
    public Secret obtain() throws TokenException {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            throw new TokenException("No identity token: environment variable " + name + " (<identityTokenVariable>) "
                    + "is not set" + (CiSystem.detect(environment) == CiSystem.GITLAB_CI
                            ? ". GitLab CI sets it when the job declares it: 'id_tokens: " + name + ": aud: <the "
                                    + "audience your OAuth server expects>'."
                            : ". On GitLab CI declare it in the job's 'id_tokens:'; on Jenkins bind the OpenID Connect "
                                    + "id token credential to it with withCredentials; or set <identityTokenVariable> "
                                    + "to the variable that holds the token."));
        }
        return Secret.of(value.trim());
    }

    @Override
    public String describe() {
        return "the identity token in environment variable " + name;
    }

    @Override
    public String memoryKey() {
        return "variable " + name;
    }
}
