/**
 * RingCentral's per-extension request budgets: every request of an extension stays inside what RingCentral allows
 * in its throttling group ({@link io.ringbridge.ringcentral.RateLimitGroup}: Light reads, Medium SMS sends and
 * subscription writes, Heavy, Auth token refreshes), each group counted per user and app, across all gateway
 * instances; and no request is made during a group's 429 penalty (each would restart it).
 *
 * <p>{@link io.ringbridge.pacing.RingCentralPacer} is the whole public API. A send, paced in its extension's Medium
 * group, goes:
 * <ol>
 * <li><b>reserve</b> slots in the extension's window of the group ({@code reserve}); a grant with none means wait
 *     until {@code nextSlot};</li>
 * <li><b>call</b> RingCentral with one slot ({@code call(grant, request, rateLimit)}), which records what became of
 *     the request: the answer's {@code X-Rate-Limit-*} headers reconcile the window with RingCentral's own count; a
 *     429 blocks the group for its {@code Retry-After}; a request that surely never reached RingCentral gives
 *     its slot back, and one whose answer was lost keeps it;</li>
 * <li><b>release</b> the slots of a grant that no request will use.</li>
 * </ol>
 * The occasional calls (message-store reads for in-doubt look-ups and receipts, subscription calls, token
 * refreshes) use {@code callNow(tenant, extension, group, request)}: one slot if the window has room now, else no
 * request and a {@link io.ringbridge.ringcentral.RateLimitDeferredException} naming when one may be made.
 *
 * <p>The state is one {@code PacingWindow} per extension and group ({@code PacingKey}), a mirror of RingCentral's
 * sliding window (decisions 0002 and 0006). A {@code PacingStore} keeps it: {@code LocalPacingStore} in memory on
 * the single-instance H2 setup, {@code SharedPacingStore} in PostgreSQL's {@code pacing_window} table, as JSON, on
 * the asynchronously committing soft-state pool, where changes of one window that arrive together share one locked
 * read-modify-write. What became of a slot needs no answer, so the shared store applies it with the window's next
 * write or within 100 ms; until then the slot counts as still in flight.
 */
package io.ringbridge.pacing;
