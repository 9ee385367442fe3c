package io.ringbridge.messaging;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

/** What kind of line a phone number reaches: libphonenumber's types, and satellite phones, which it has none for. */
enum NumberKind {
    FIXED_LINE, MOBILE, FIXED_LINE_OR_MOBILE, TOLL_FREE, PREMIUM_RATE, SHARED_COST, VOIP, PERSONAL_NUMBER, PAGER,
    UAN, VOICEMAIL, SATELLITE, UNKNOWN;

    static NumberKind of(PhoneNumberType type) {
        return valueOf(type.name());
    }

    @JsonValue
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As a sentence names it: "premium-rate", "satellite". */
    String words() {
        return switch (this) {
            case SATELLITE -> "satellite phone";
            case UAN -> "universal access";
            case FIXED_LINE_OR_MOBILE -> "fixed-line or mobile";
            default -> name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }
}
