/**
 * The engine: the booking domain on Hazelcast. One IMap entry per event holds its {@code Inventory};
 * entry processors decide reservations on the partition thread that owns it, so decisions are
 * serialized per event and parallel across events and members. This package may depend on the domain
 * and on Hazelcast, never on the web layer.
 */
package dev.booking.engine;
