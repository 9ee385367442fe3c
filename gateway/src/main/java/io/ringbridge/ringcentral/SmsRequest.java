package io.ringbridge.ringcentral;

/** One SMS to send: RingCentral's {@code CreateSMSMessage} with a single recipient. */
public record SmsRequest(String from, String to, String text) {

    @Override
    public String toString() {
        return "SmsRequest[from=" + from + ", to=" + to + ", length=" + text.length() + "]";
    }
}
