package io.ringbridge.messaging;

import io.ringbridge.ringcentral.RingCentralException;

/** RingCentral's refusals of a send, in words an app developer can act on (the message's {@code error}). */
final class SendErrors {

    private SendErrors() {
    }

    static String describe(Claimed m, RingCentralException e) {
        String rc = " (RingCentral " + e.status() + (e.errorCodes().isEmpty() ? "" : " " + String.join(", ", e.errorCodes()))
                + e.description().map(d -> ": " + d).orElse("") + ")";
        if (e.hasErrorCode("MSG-242") || e.hasErrorCode("MSG-304") || e.hasErrorCode("MSG-245") || e.hasErrorCode("MSG-310")) {
            return "Phone number " + m.from() + " cannot send SMS in this RingCentral account" + rc;
        }
        if (e.hasErrorCode("CMN-401")) {
            return "The RingCentral app lacks the SMS permission" + rc;
        }
        if (e.hasErrorCode("CMN-101") || e.hasErrorCode("MSG-240")) {
            return "RingCentral rejected the recipient " + m.to() + rc;
        }
        if (e.hasErrorCode("MSG-338")) {
            return "The message is too long for RingCentral" + rc;
        }
        return "RingCentral refused the message" + rc;
    }
}
