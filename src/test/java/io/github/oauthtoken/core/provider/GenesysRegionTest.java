package io.github.oauthtoken.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.TokenException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GenesysRegionTest {
    /** The table in PROTOCOLS.md, written out independently of the enum so that a typo in either shows. */
    private static final Map<String, String> DOCUMENTED = new LinkedHashMap<>();

    static {
        DOCUMENTED.put("us_east_1", "mypurecloud.com");
        DOCUMENTED.put("us_east_2", "use2.us-gov-pure.cloud");
        DOCUMENTED.put("us_west_2", "usw2.pure.cloud");
        DOCUMENTED.put("ca_central_1", "cac1.pure.cloud");
        DOCUMENTED.put("sa_east_1", "sae1.pure.cloud");
        DOCUMENTED.put("mx_central_1", "mxc1.pure.cloud");
        DOCUMENTED.put("eu_west_1", "mypurecloud.ie");
        DOCUMENTED.put("eu_west_2", "euw2.pure.cloud");
        DOCUMENTED.put("eu_central_1", "mypurecloud.de");
        DOCUMENTED.put("eu_central_2", "euc2.pure.cloud");
        DOCUMENTED.put("eusc_de_east_1", "edee1.eusc-pure.cloud");
        DOCUMENTED.put("me_central_1", "mec1.pure.cloud");
        DOCUMENTED.put("ap_south_1", "aps1.pure.cloud");
        DOCUMENTED.put("ap_southeast_1", "apse1.pure.cloud");
        DOCUMENTED.put("ap_southeast_2", "mypurecloud.com.au");
        DOCUMENTED.put("ap_northeast_1", "mypurecloud.jp");
        DOCUMENTED.put("ap_northeast_2", "apne2.pure.cloud");
        DOCUMENTED.put("ap_northeast_3", "apne3.pure.cloud");
    }

    @Test
    void theEnumHoldsExactlyTheEighteenDocumentedRegions() {
        Map<String, String> actual = new LinkedHashMap<>();
        for (GenesysRegion region : GenesysRegion.values()) {
            actual.put(region.regionName(), region.domain());
        }
        assertThat(DOCUMENTED).hasSize(18);
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(DOCUMENTED);
    }

    @Test
    void everyRegionParsesInBothSpellingsAndByDomain() throws TokenException {
        for (Map.Entry<String, String> e : DOCUMENTED.entrySet()) {
            String name = e.getKey();
            String domain = e.getValue();
            GenesysRegion expected = GenesysRegion.valueOf(name.toUpperCase(Locale.ROOT));
            String hyphens = name.replace('_', '-');

            for (String spelling : new String[] {name, hyphens, name.toUpperCase(Locale.ROOT), hyphens.toUpperCase(Locale.ROOT),
                    " " + hyphens + "\t", domain, domain.toUpperCase(Locale.ROOT), "login." + domain, "api." + domain}) {
                assertThat(GenesysRegion.parse(spelling, "<region>")).as(spelling).isEqualTo(expected);
            }
            assertThat(expected.domain()).isEqualTo(domain);
        }
    }

    @Test
    void anUnknownRegionNamesWhereItCameFromAndListsEveryValidOne() {
        assertThatThrownBy(() -> GenesysRegion.parse(" eu_west_9 ", "environment variable GENESYS_REGION"))
                .isInstanceOf(TokenException.class)
                .satisfies(e -> {
                    String message = e.getMessage();
                    assertThat(message).startsWith("Unknown Genesys Cloud region 'eu_west_9' (from environment variable "
                            + "GENESYS_REGION). Valid regions: us_east_1 (mypurecloud.com), us_east_2 (use2.us-gov-pure.cloud), ");
                    DOCUMENTED.forEach((name, domain) -> assertThat(message).contains(name + " (" + domain + ")"));
                    assertThat(message).endsWith("ap_northeast_3 (apne3.pure.cloud). Hyphens work too (eu-west-1). For a "
                            + "private deployment set <tokenUrl> and <apiUrl> instead.");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"mypurecloud", "eu_west", "eu_west_1x", "euw2", "pure.cloud", "www.mypurecloud.ie",
            "https://login.mypurecloud.ie", "us.east.1", ""})
    void nearMissesAreRejected(String value) {
        assertThatThrownBy(() -> GenesysRegion.parse(value, "<region>"))
                .hasMessageStartingWith("Unknown Genesys Cloud region '" + value.trim() + "' (from <region>).");
    }

    @ParameterizedTest
    @CsvSource({"eu-west-1, EU_WEST_1", "mypurecloud.com, US_EAST_1", "mypurecloud.com.au, AP_SOUTHEAST_2"})
    void aDomainThatIsAPrefixOfAnotherIsNotConfusedWithIt(String value, GenesysRegion expected) throws TokenException {
        assertThat(GenesysRegion.parse(value, "<region>")).isEqualTo(expected);
    }
}
