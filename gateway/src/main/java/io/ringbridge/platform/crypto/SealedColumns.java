package io.ringbridge.platform.crypto;

/**
 * A module's secrets at rest, as seen by the key-rotation job: re-seals, with the current primary key, every
 * value that was sealed with an older one. Each module knows its own tables and their row-bound contexts.
 */
public interface SealedColumns {

    /** For logs: which secrets these are. */
    String name();

    /** @return how many values were re-sealed */
    int resealWithPrimaryKey();
}
