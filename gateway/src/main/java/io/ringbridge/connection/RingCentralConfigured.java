package io.ringbridge.connection;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Whether the operator configured a RingCentral app ({@code RINGCENTRAL_CLIENT_ID}); if not, sandbox mode. */
public final class RingCentralConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return configured(context);
    }

    static boolean configured(ConditionContext context) {
        // Conditions run before any properties bean exists, so the record is bound here directly.
        String clientId = Binder.get(context.getEnvironment()).bind("ringcentral", RingCentralProperties.class)
                .map(RingCentralProperties::clientId).orElse(null);
        return clientId != null && !clientId.isBlank();
    }

    /** The opposite: no operator app, so the gateway runs against its built-in simulator. */
    public static final class Not implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !configured(context);
        }
    }
}
