package io.ringbridge.ringcentral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The failure a client call ends in, for the test to look at. */
final class Failures {
    private Failures() {
    }

    /** The call is refused by RingCentral (a non-2xx answer). */
    static RingCentralException refused(ThrowingCallable call) {
        RingCentralException e = catchThrowableOfType(RingCentralException.class, call);
        assertThat(e).as("RingCentral refused the call").isNotNull();
        return e;
    }

    /** The call got no usable answer. */
    static RingCentralUnreachableException unreachable(ThrowingCallable call) {
        RingCentralUnreachableException e = catchThrowableOfType(RingCentralUnreachableException.class, call);
        assertThat(e).as("no usable answer").isNotNull();
        return e;
    }
}
