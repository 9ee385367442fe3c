package io.ringbridge.simulator.sms;

/** How many times the same text was accepted from one number to one recipient. */
public record SendCount(String from, String to, String text, long count) {
}
