package io.github.oauthtoken.core.token;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a server says a token grants, and who said it; or, when nothing said, why not. Never a guess: a source that
 * is silent about scopes leaves them unknown rather than empty.
 *
 * @param scopes         the granted scopes as the server wrote them (unneutralised: quote them through
 *                       {@code ServerText}); empty when unknown
 * @param source         where they come from, for messages ("the token response's scope")
 * @param unknownBecause when no source told: what each one looked at said, else null
 */
public record GrantedScopes(Set<String> scopes, String source, String unknownBecause) {

    public static GrantedScopes of(Collection<String> scopes, String source) {
        return new GrantedScopes(Collections.unmodifiableSet(new LinkedHashSet<>(scopes)), source, null);
    }

    public static GrantedScopes unknown(String because) {
        return new GrantedScopes(Set.of(), null, because);
    }

    public boolean known() {
        return unknownBecause == null;
    }

    /** RFC 6749 section 3.3 (and RFC 7662's {@code scope}): space-delimited, case-sensitive strings. */
    public static List<String> split(String spaceDelimited) {
        return Arrays.stream(spaceDelimited.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The {@code scope} claim (RFC 9068 and RFC 8693: a space-delimited string) or, as Microsoft Entra ID and Okta
     * write it, {@code scp} (a string or an array of strings) of a token that is a JWT.
     */
    public static Optional<GrantedScopes> fromJwt(String token) {
        Optional<Map<String, Object>> claims = JwtClaims.parse(token);
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        for (String claim : List.of("scope", "scp")) {
            Optional<List<String>> values = stringOrStrings(claims.get().get(claim));
            if (values.isPresent()) {
                return Optional.of(of(values.get(), "the token's JWT " + claim + " claim"));
            }
        }
        return Optional.empty();
    }

    /** A space-delimited string or a JSON array of strings; anything else says nothing. */
    public static Optional<List<String>> stringOrStrings(Object value) {
        if (value instanceof String text) {
            return Optional.of(split(text));
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            // Each element is one scope as the server named it, even one that (against RFC 6749) holds a blank.
            return Optional.of(list.stream().map(String.class::cast).map(String::trim).filter(s -> !s.isEmpty())
                    .toList());
        }
        return Optional.empty();
    }
}
