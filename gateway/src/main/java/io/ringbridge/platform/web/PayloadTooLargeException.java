package io.ringbridge.platform.web;

import java.io.IOException;

/** The request body grew past the limit while it was being read (no or a false Content-Length). */
class PayloadTooLargeException extends IOException {
    PayloadTooLargeException() {
        super("Payload too large", null);
    }
}
