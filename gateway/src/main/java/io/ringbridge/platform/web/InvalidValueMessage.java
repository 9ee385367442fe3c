package io.ringbridge.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The contract's error for a request field, used when the JSON value cannot even be bound (e.g. a number
 * where a string belongs), so such a request gets the same message as an empty or too-long value, with the field's
 * name as its {@code param}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface InvalidValueMessage {
    String value();

    /** The stable machine code that goes with the message. */
    String code();
}
