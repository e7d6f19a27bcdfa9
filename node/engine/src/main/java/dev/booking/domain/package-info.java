/**
 * The booking domain: events, their categories of limited capacity, reservations and the decisions
 * taken on them. Pure Java: no Hazelcast, no Javalin, no clock, no randomness. Every rule that decides
 * whether seats are sold lives here, so that it can be tested as a plain function and re-run on a
 * backup replica with the same result.
 */
package dev.booking.domain;
