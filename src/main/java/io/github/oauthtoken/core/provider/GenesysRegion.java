package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Genesys Cloud regions and their domains ({@code login.<domain>}, {@code api.<domain>}). Users may write the
 * region name with underscores (the SDKs' spelling), with hyphens (the Terraform provider's), or the domain itself.
 */
public enum GenesysRegion {
    US_EAST_1("mypurecloud.com"),
    US_EAST_2("use2.us-gov-pure.cloud"),
    US_WEST_2("usw2.pure.cloud"),
    CA_CENTRAL_1("cac1.pure.cloud"),
    SA_EAST_1("sae1.pure.cloud"),
    MX_CENTRAL_1("mxc1.pure.cloud"),
    EU_WEST_1("mypurecloud.ie"),
    EU_WEST_2("euw2.pure.cloud"),
    EU_CENTRAL_1("mypurecloud.de"),
    EU_CENTRAL_2("euc2.pure.cloud"),
    EUSC_DE_EAST_1("edee1.eusc-pure.cloud"),
    ME_CENTRAL_1("mec1.pure.cloud"),
    AP_SOUTH_1("aps1.pure.cloud"),
    AP_SOUTHEAST_1("apse1.pure.cloud"),
    AP_SOUTHEAST_2("mypurecloud.com.au"),
    AP_NORTHEAST_1("mypurecloud.jp"),
    AP_NORTHEAST_2("apne2.pure.cloud"),
    AP_NORTHEAST_3("apne3.pure.cloud");

    private final String domain;

    GenesysRegion(String domain) {
        this.domain = domain;
    }

    public String domain() {
        return domain;
    }

    public String regionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param where where the value came from, for the message
     */
    public static GenesysRegion parse(String value, String where) throws TokenException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (GenesysRegion region : values()) {
            if (region.regionName().equals(v.replace('-', '_')) || region.domain.equals(v)
                    || ("login." + region.domain).equals(v) || ("api." + region.domain).equals(v)) {
                return region;
            }
        }
        throw new ConfigurationException("Unknown Genesys Cloud region '" + value.trim() + "' (from " + where
                + "). Valid regions: " + Arrays.stream(values())
                        .map(r -> r.regionName() + " (" + r.domain + ")")
                        .collect(Collectors.joining(", "))
                + ". Hyphens work too (eu-west-1). For a private deployment set <tokenUrl> and <apiUrl> instead.");
    }
}
