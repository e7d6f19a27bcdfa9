/**
 * The Java client: for JVM applications that do not embed a node. It connects as a Hazelcast client
 * and sends commands straight to the partition owners, with the engine's idempotency semantics, and
 * retries transient failures with the same reservation id. Its API speaks the booking domain.
 */
package dev.booking.client;
