/**
 * The query side: a Jet pipeline that reads the changes the command side publishes (the journal of
 * {@code booking.changes}) and maintains the views the REST API serves, plus the tools to read them
 * ({@link dev.booking.pipelines.QueryViews}), to run the job ({@link dev.booking.pipelines.ViewJobs}) and
 * to check and repair them against the command side ({@link dev.booking.pipelines.Reconciliation}).
 *
 * <p>Every view merges with a commutative, associative and idempotent function, so at-least-once delivery
 * in any order converges exactly. May depend on the engine (domain, {@code BoxOffice}, {@code Wire}) and
 * Hazelcast, never on the web layer.
 */
package dev.booking.pipelines;
