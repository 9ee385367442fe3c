package io.ringbridge.simulator.directory;

/** The contact block of an extension. */
public record Contact(String firstName, String lastName, String email, String businessPhone) {
}
