package io.ringbridge.tenancy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import tools.jackson.databind.JsonNode;

import io.ringbridge.platform.web.ApiException;

/**
 * Reads a list of destination countries from a request: region codes as phone numbers are classified by
 * (ISO 3166-1 alpha-2, plus the few territories with a numbering plan of their own, such as {@code XK}).
 */
final class CountryCodes {

    private static final Set<String> KNOWN = PhoneNumberUtil.getInstance().getSupportedRegions();

    private CountryCodes() {
    }

    /** {@code null} (no restriction) for a JSON null, else the codes upper-cased, sorted and without repeats. */
    static List<String> parse(JsonNode node, String param) {
        if (node == null || node.isNull()) {
            return null;
        }
        ApiException invalid = ApiException.invalid(param, param
                + " must be null or a non-empty list of ISO 3166 country codes such as \"US\"", "invalid_countries");
        if (!node.isArray() || node.isEmpty()) {
            throw invalid;
        }
        Set<String> codes = new TreeSet<>();
        for (JsonNode element : node) {
            String code = element.isString() ? element.asString().toUpperCase(Locale.ROOT) : "";
            if (!KNOWN.contains(code)) {
                throw invalid;
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }
}
