package io.ringbridge.messaging;

import java.util.List;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Where an E.164 number leads, as Google's libphonenumber classifies it.
 *
 * @param region the ISO 3166 code of its country (libphonenumber's region), {@code null} when the number does not
 *               say: outside the allocated ranges of a calling code several countries share (+1, +44 …), or a
 *               non-geographic number
 */
record Destination(String region, NumberKind kind) {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
    /** Calling codes that reach only satellite phones: Inmarsat (+870) and the global mobile satellite systems (+881). */
    private static final List<Integer> SATELLITE_CODES = List.of(870, 881);
    /** Satellite networks among the international networks of +882: Emsat (+882 13) and Thuraya (+882 16). */
    private static final List<String> SATELLITE_NETWORKS_882 = List.of("13", "16");

    /**
     * Classifies a number that already has E.164's shape; empty when its calling code is assigned to no country
     * or network, so it is no phone number at all.
     */
    static Optional<Destination> of(String e164) {
        PhoneNumber number;
        try {
            number = NUMBERS.parse(e164, null);
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
        return Optional.of(new Destination(region(number), satellite(number) ? NumberKind.SATELLITE
                : NumberKind.of(NUMBERS.getNumberType(number))));
    }

    private static boolean satellite(PhoneNumber number) {
        int code = number.getCountryCode();
        String national = NUMBERS.getNationalSignificantNumber(number);
        return SATELLITE_CODES.contains(code)
                || (code == 882 && SATELLITE_NETWORKS_882.stream().anyMatch(national::startsWith));
    }

    /** The number's country: null for a non-geographic number and where the calling code's countries share no plan. */
    private static String region(PhoneNumber number) {
        String region = NUMBERS.getRegionCodeForNumber(number);
        return region == null || region.equals(PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY) ? null : region;
    }
}
