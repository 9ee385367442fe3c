package io.ringbridge.platform.web;

/** The answer of a route that has nothing to say but that it worked: {@code {"ok": true}}. */
public record Ok(boolean ok) {

    public static final Ok OK = new Ok(true);
}
