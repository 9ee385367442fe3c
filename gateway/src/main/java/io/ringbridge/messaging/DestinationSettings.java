package io.ringbridge.messaging;

import java.util.List;
import java.util.Set;

/**
 * Where a tenant may send (docs/API.md, "Destinations").
 *
 * @param countries         the countries the tenant chose; {@code null}: any
 * @param operatorCountries the countries the operator allows the tenant; {@code null}: any
 * @param refusedTypes      kinds of numbers no tenant of this gateway may send to
 */
record DestinationSettings(List<String> countries, List<String> operatorCountries, Set<NumberKind> refusedTypes) {

    /** For documentation: PUT takes the tenant's countries; {@code null} lifts its restriction. */
    record Choice(List<String> countries) {
    }
}
