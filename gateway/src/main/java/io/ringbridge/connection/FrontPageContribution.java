package io.ringbridge.connection;

import java.net.URI;

import org.springframework.stereotype.Component;

import io.ringbridge.platform.web.FrontPageFacts;

/** Tells the gateway's front page which RingCentral this is: the operator's, or the built-in simulator. */
@Component
class FrontPageContribution implements FrontPageFacts {

    private final OperatorRingCentral operator;

    FrontPageContribution(OperatorRingCentral operator) {
        this.operator = operator;
    }

    @Override
    public boolean sandbox() {
        return operator.sandbox();
    }

    @Override
    public URI ringCentralServer() {
        return operator.app().server();
    }
}
