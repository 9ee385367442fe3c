package io.ringbridge.tenancy;

import io.ringbridge.platform.web.ApiException;

/** Tenant and app names: 1–100 characters once surrounding blanks are trimmed. */
final class Names {

    static final String INVALID = "name must be 1-100 characters";
    static final String CODE = "invalid_name";

    private Names() {
    }

    static String require(String name) {
        String trimmed = name == null ? "" : name.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1 || length > 100) {
            throw ApiException.invalid("name", INVALID, CODE);
        }
        return trimmed;
    }
}
