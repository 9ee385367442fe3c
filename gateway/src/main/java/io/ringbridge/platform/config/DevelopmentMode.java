package io.ringbridge.platform.config;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches unless {@code RINGBRIDGE_MODE=production}: for what a production gateway must never have. */
public final class DevelopmentMode implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        // Conditions run before any properties bean exists, so the mode is bound here directly.
        return Binder.get(context.getEnvironment()).bind("ringbridge.mode", Mode.class).orElse(Mode.DEVELOPMENT)
                != Mode.PRODUCTION;
    }
}
