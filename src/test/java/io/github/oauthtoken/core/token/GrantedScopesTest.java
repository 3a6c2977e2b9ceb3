package io.github.oauthtoken.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.TestJwts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the scopes of a token can be read, and what counts as covering a required one. */
class GrantedScopesTest {

    @Test
    void theJwtScopeClaimIsSpaceDelimited() {
        assertThat(GrantedScopes.fromJwt(TestJwts.unsigned("{\"scope\":\"orders:read  orders:write\"}")))
                .hasValueSatisfying(g -> {
                    assertThat(g.scopes()).containsExactly("orders:read", "orders:write");
                    assertThat(g.source()).isEqualTo("the token's JWT scope claim");
                });
    }

    @Test
    void theScpClaimMayBeAStringAsEntraWritesItOrAnArrayAsOktaDoes() {
        assertThat(GrantedScopes.fromJwt(TestJwts.unsigned("{\"scp\":\"User.Read Mail.Send\"}")).orElseThrow().scopes())
                .containsExactly("User.Read", "Mail.Send");
        assertThat(GrantedScopes.fromJwt(TestJwts.unsigned("{\"scp\":[\"a\",\"b\"]}")).orElseThrow().scopes())
                .containsExactly("a", "b");
    }

    @Test
    void aTokenThatIsNoJwtOrHasNoScopeClaimSaysNothing() {
        assertThat(GrantedScopes.fromJwt("opaque-token")).isEmpty();
        assertThat(GrantedScopes.fromJwt(TestJwts.unsigned("{\"sub\":\"x\",\"aud\":[\"a\"]}"))).isEmpty();
        assertThat(GrantedScopes.fromJwt(TestJwts.unsigned("{\"scope\":42}"))).isEmpty();
        assertThat(GrantedScopes.stringOrStrings(List.of("a", 1))).isEmpty();
    }
}
