/**
 * RingCentral's per-extension request budget: every request of an extension's Medium group (SMS sends and
 * subscription writes share it, per user and app) stays inside what RingCentral allows, across all gateway
 * instances, and a 429's penalty is waited out with no request sent during it (each would restart it).
 *
 * <p>{@link io.ringbridge.pacing.RingCentralPacer} is the whole public API. A paced call goes:
 * <ol>
 * <li><b>reserve</b> slots in the extension's window ({@code reserve}); a grant with none means wait until
 *     {@code nextSlot};</li>
 * <li><b>call</b> RingCentral with one slot ({@code call(grant, request, rateLimit)}), which records what became of
 *     the request: the answer's {@code X-Rate-Limit-*} headers reconcile the window with RingCentral's own count; a
 *     429 blocks the extension for its {@code Retry-After}; a request that surely never reached RingCentral gives
 *     its slot back, and one whose answer was lost keeps it;</li>
 * <li><b>release</b> the slots of a grant that no request will use.</li>
 * </ol>
 * Subscription writes made while connecting or repairing do not wait for a slot but count all the same
 * ({@code callUnreserved}).
 *
 * <p>The state is one {@code PacingWindow} per extension, a mirror of RingCentral's sliding window (decision 0002).
 * A {@code PacingStore} keeps it: {@code LocalPacingStore} in memory on the single-instance H2 setup,
 * {@code SharedPacingStore} in PostgreSQL's {@code pacing_window} table, as JSON, on the asynchronously committing
 * soft-state pool, where changes of one extension that arrive together share one locked read-modify-write. What
 * became of a slot needs no answer, so the shared store applies it with the extension's next write or within
 * 100 ms; until then the slot counts as still in flight.
 */
package io.ringbridge.pacing;
