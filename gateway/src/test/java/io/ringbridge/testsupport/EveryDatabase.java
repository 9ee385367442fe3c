package io.ringbridge.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the whole test class once per database (H2, then PostgreSQL): one suite, not two copies. The class
 * declares {@code @Parameter Database database;} and takes a gateway for it from {@link Gateways}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "[{0}]")
@MethodSource("io.ringbridge.testsupport.Database#selected")
public @interface EveryDatabase {
}
