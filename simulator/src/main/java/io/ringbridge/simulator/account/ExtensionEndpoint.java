package io.ringbridge.simulator.account;

import io.ringbridge.simulator.directory.Contact;
import io.ringbridge.simulator.directory.Extension;
import io.ringbridge.simulator.directory.PhoneNumber;
import io.ringbridge.simulator.http.Exchange;
import io.ringbridge.simulator.http.RcErrors;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.oauth.ApiAccess;
import io.ringbridge.simulator.oauth.Caller;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET …/account/{accountId}/extension/{extensionId}} ({@code GetExtensionInfoResponse}) and
 * {@code GET …/extension/{extensionId}/phone-number} ({@code GetExtensionPhoneNumbersResponse}, paged).
 */
public final class ExtensionEndpoint {
    private final ApiAccess access;

    public ExtensionEndpoint(ApiAccess access) {
        this.access = access;
    }

    /** {@code GET /restapi/v1.0/account/{accountId}} ({@code GetAccountInfoResponse}); RingCX needs its id. */
    public void getAccount(Exchange exchange) {
        Caller caller = access.admit(exchange, RateGroup.LIGHT, "ReadAccounts");
        ApiAccess.ownPath(exchange, caller);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uri", exchange.baseUrl() + "/restapi/v1.0/account/" + caller.accountIdText());
        body.put("id", caller.account().id());
        caller.account().extensions().stream().flatMap(e -> e.phoneNumbers().stream())
                .filter(PhoneNumber::primary).findFirst()
                .ifPresent(n -> body.put("mainNumber", n.phoneNumber()));
        body.put("status", "Confirmed");
        body.put("setupWizardState", "Completed");
        body.put("federated", false);
        exchange.json(body);
    }

    public void getExtension(Exchange exchange) {
        Caller caller = access.admit(exchange, RateGroup.LIGHT, "ReadAccounts");
        ApiAccess.ownPath(exchange, caller);
        String base = exchange.baseUrl();
        Extension e = caller.extension();
        String accountUri = base + "/restapi/v1.0/account/" + caller.accountIdText();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uri", accountUri + "/extension/" + e.id());
        body.put("id", e.id());
        body.put("extensionNumber", e.extensionNumber());
        body.put("contact", contact(e.contact()));
        body.put("name", e.name());
        body.put("type", e.type());
        body.put("status", e.status());
        body.put("permissions", Map.of("admin", Map.of("enabled", false),
                "internationalCalling", Map.of("enabled", false)));
        body.put("serviceFeatures", List.of(
                Map.of("featureName", "SMS", "enabled", true),
                Map.of("featureName", "SMSReceiving", "enabled", true)));
        body.put("account", Map.of("id", caller.accountIdText(), "uri", accountUri));
        body.put("hidden", false);
        exchange.json(body);
    }

    public void listPhoneNumbers(Exchange exchange) {
        Caller caller = access.admit(exchange, RateGroup.LIGHT, "ReadAccounts");
        ApiAccess.ownPath(exchange, caller);
        int page = intParam(exchange, "page", 1, 1, 1000);
        int perPage = intParam(exchange, "perPage", 100, 1, 1000);
        List<String> usageTypes = multiParam(exchange, "usageType");
        String status = exchange.query("status");
        List<PhoneNumber> all = new ArrayList<>();
        for (PhoneNumber n : caller.extension().phoneNumbers()) {
            if ((usageTypes.isEmpty() || usageTypes.contains(n.usageType()))
                    && (status == null || status.equals(n.status()))) {
                all.add(n);
            }
        }
        String base = exchange.baseUrl();
        String listUri = base + "/restapi/v1.0/account/" + caller.accountIdText() + "/extension/"
                + caller.extensionIdText() + "/phone-number";
        int total = all.size();
        int totalPages = (total + perPage - 1) / perPage;
        int from = Math.min(total, (page - 1) * perPage);
        int to = Math.min(total, from + perPage);
        List<Map<String, Object>> records = new ArrayList<>();
        for (PhoneNumber n : all.subList(from, to)) {
            records.add(record(base, listUri, n));
        }
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("perPage", perPage);
        if (!records.isEmpty()) {
            paging.put("page", page);
            paging.put("pageStart", from);
            paging.put("pageEnd", to - 1);
        }
        paging.put("totalPages", totalPages);
        paging.put("totalElements", total);
        Map<String, Object> navigation = new LinkedHashMap<>();
        if (totalPages > 0) {
            navigation.put("firstPage", pageUri(listUri, 1, perPage));
            if (page < totalPages) {
                navigation.put("nextPage", pageUri(listUri, page + 1, perPage));
            }
            if (page > 1 && page <= totalPages) {
                navigation.put("previousPage", pageUri(listUri, page - 1, perPage));
            }
            navigation.put("lastPage", pageUri(listUri, totalPages, perPage));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uri", pageUri(listUri, page, perPage).get("uri"));
        body.put("records", records);
        body.put("paging", paging);
        body.put("navigation", navigation);
        exchange.json(body);
    }

    private static Map<String, Object> record(String base, String listUri, PhoneNumber n) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uri", listUri + "/" + n.id());
        r.put("id", n.id());
        r.put("phoneNumber", n.phoneNumber());
        if (n.phoneNumber().startsWith("+1")) {
            r.put("country", Map.of("id", "1", "uri", base + "/restapi/v1.0/dictionary/country/1",
                    "name", "United States"));
        }
        if (n.label() != null) {
            r.put("label", n.label());
        }
        if (n.location() != null) {
            r.put("location", n.location());
        }
        r.put("paymentType", n.paymentType());
        r.put("type", n.type());
        r.put("usageType", n.usageType());
        r.put("features", n.features());
        r.put("status", n.status());
        r.put("primary", n.primary());
        return r;
    }

    private static Map<String, Object> contact(Contact c) {
        Map<String, Object> contact = new LinkedHashMap<>();
        if (c != null) {
            putIf(contact, "firstName", c.firstName());
            putIf(contact, "lastName", c.lastName());
            putIf(contact, "email", c.email());
            putIf(contact, "businessPhone", c.businessPhone());
        }
        return contact;
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Map<String, Object> pageUri(String listUri, int page, int perPage) {
        return Map.of("uri", listUri + "?page=" + page + "&perPage=" + perPage);
    }

    private static int intParam(Exchange exchange, String name, int def, int min, int max) {
        String value = exchange.query(name);
        if (value == null || value.isEmpty()) {
            return def;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw RcErrors.invalidParameter(name);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw RcErrors.invalidParameter(name);
        }
    }

    private static List<String> multiParam(Exchange exchange, String name) {
        String[] values = exchange.request().getParameterValues(name);
        return values == null ? List.of() : Arrays.asList(values);
    }
}
