/**
 * The benchmark tool: {@code java -jar booking-bench.jar <workload> --path client|rest}. It runs the
 * workloads of WORKLOAD.md ({@code hot-event}, {@code many-events}, {@code sellout-curve}) against a
 * running cluster, as a user's load would reach it, and checks that no seat was sold twice.
 *
 * <p>A tool, not a test: CI runs only a few-second smoke run of it. It may depend on the client
 * library, the domain, picocli and HdrHistogram; never on the node's code (it talks to a node over HTTP).
 */
package dev.booking.client.bench;
