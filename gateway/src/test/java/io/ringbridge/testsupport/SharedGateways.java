package io.ringbridge.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Marks a test class that uses the gateways, worlds or cluster {@link Gateways} shares. Test classes run in
 * parallel; these take one lock and so run one after another, because they change shared state (the simulator's
 * faults and settings, the shared gateways' limits) that another class would see.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ResourceLock(SharedGateways.LOCK)
public @interface SharedGateways {

    String LOCK = "io.ringbridge.testsupport.Gateways";
}
