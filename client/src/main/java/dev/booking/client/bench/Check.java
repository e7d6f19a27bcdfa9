package dev.booking.client.bench;

/** One thing a run must show to count, and what it found. */
record Check(String name, boolean passed, String found) {
}
