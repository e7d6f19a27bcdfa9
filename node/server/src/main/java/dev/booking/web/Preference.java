package dev.booking.web;

import java.time.Duration;
import java.util.Optional;

/**
 * The RFC 7240 {@code Prefer} header of a reservation request: {@code respond-async} asks for 202 as
 * soon as the request is durably accepted; {@code wait=N} bounds how long to wait for the decision
 * before answering 202. Preferences it does not know are ignored, as the RFC says.
 */
record Preference(boolean respondAsync, Optional<Duration> waitAtMost) {
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    static Preference parse(String header) {
        boolean async = false;
        Optional<Duration> wait = Optional.empty();
        if (header != null) {
            for (String token : header.split("[,;]")) {
                String preference = token.trim().toLowerCase();
                if (preference.equals("respond-async")) {
                    async = true;
                } else if (preference.startsWith("wait=")) {
                    wait = seconds(preference.substring(5).trim());
                }
            }
        }
        return new Preference(async, wait);
    }

    boolean durable() {
        return respondAsync || waitAtMost.isPresent();
    }

    private static Optional<Duration> seconds(String raw) {
        try {
            long seconds = Long.parseLong(raw);
            return seconds < 0 ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
