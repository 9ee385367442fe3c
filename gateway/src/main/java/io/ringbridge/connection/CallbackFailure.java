package io.ringbridge.connection;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Why a connection attempt ended without a connection, said for the tenant admin who is looking at the page:
 * what happened and what to do about it. {@code error} is also the JSON error of {@code format=json}.
 */
record CallbackFailure(HttpStatus status, String code, String title, String error, String detail,
                       List<String> nextSteps) {
}
