package io.ringbridge.platform.db;

/** The two databases RingBridge runs on. Most SQL is shared; the few differences are decided by this. */
public enum DatabaseKind {
    /** Embedded file database: one gateway process owns it. */
    H2,
    /** Shared server: several gateway instances may use it at once. */
    POSTGRESQL;

    /** True when other gateway instances may be working on the same data. */
    public boolean shared() {
        return this == POSTGRESQL;
    }
}
