/**
 * The composition root: settings from the environment, the member, the HTTP API, demo data, and the
 * public API for embedding the engine in an existing JVM application. Starts things in that order and
 * stops them in reverse.
 */
package dev.booking.node;
