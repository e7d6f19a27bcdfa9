/**
 * The REST API: turns JSON into domain values at the edge, hands them to the {@code BoxOffice}, and
 * maps outcomes to status codes. Errors are RFC 9457 problem details with a stable {@code error} code.
 * May depend on the engine, the domain, Javalin and Jackson; the domain never depends on this package.
 */
package dev.booking.web;
