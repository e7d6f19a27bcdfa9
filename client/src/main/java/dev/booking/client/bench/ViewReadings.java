package dev.booking.client.bench;

import dev.booking.domain.EventId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an eventually consistent view of a sale's events until it stops changing. */
final class ViewReadings {
    /** How long the view may take to catch up with the last decisions before the run reads what it has. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A view that has not moved for this long is taken as final even if it disagrees with the buyers. */
    private static final Duration STILL = Duration.ofSeconds(3);
    private static final Duration PAUSE = Duration.ofMillis(200);

    interface Reader {
        HttpConnection.Response get(EventId event) throws IOException;
    }

    /** One event's numbers as the view shows them; {@code null} fields while the view does not know the event. */
    private record Reading(Long capacity, Long confirmed, Long available, Long sequence) {
        static final Reading UNKNOWN = new Reading(null, null, null, null);

        boolean known() {
            return confirmed != null;
        }
    }

    private final Sale sale;
    private final Reader reader;

    ViewReadings(Sale sale, Reader reader) {
        this.sale = sale;
        this.reader = reader;
    }

    /**
     * Reads until the view shows the seats the buyers were told were confirmed, or has not moved for
     * {@link #STILL} (a pipeline pauses now and then, so a short calm proves nothing), or
     * {@link #PATIENCE} runs out. A view that ends up disagreeing fails the run's check, as it should.
     */
    Stock settle(long confirmedAsTold) {
        long started = System.nanoTime();
        Map<EventId, Reading> last = pass();
        long lastMove = System.nanoTime();
        while (!(complete(last) && confirmed(last) == confirmedAsTold)) {
            long now = System.nanoTime();
            if (now - started > PATIENCE.toNanos() || (complete(last) && now - lastMove > STILL.toNanos())) {
                break;
            }
            pause();
            Map<EventId, Reading> current = pass();
            if (!current.equals(last)) {
                last = current;
                lastMove = System.nanoTime();
            }
        }
        if (!complete(last)) {
            throw new IllegalStateException("the view does not know every event of the sale after " + PATIENCE);
        }
        return sum(last, String.format("the view GET /events/{id}, read for %d ms until %s",
                (System.nanoTime() - started) / 1_000_000,
                confirmed(last) == confirmedAsTold ? "it agreed with the buyers" : "it stopped moving"));
    }

    private static boolean complete(Map<EventId, Reading> readings) {
        return readings.values().stream().allMatch(Reading::known);
    }

    private static long confirmed(Map<EventId, Reading> readings) {
        return readings.values().stream().filter(Reading::known).mapToLong(Reading::confirmed).sum();
    }

    private Map<EventId, Reading> pass() {
        Map<EventId, Reading> readings = new LinkedHashMap<>();
        for (EventId event : sale.events()) {
            readings.put(event, read(event));
        }
        return readings;
    }

    private Reading read(EventId event) {
        try {
            HttpConnection.Response response = reader.get(event);
            if (response.status() == 404) {
                return Reading.UNKNOWN;
            }
            if (response.status() != 200) {
                throw new IllegalStateException("GET /events/" + event + " answered " + response.status() + ": "
                        + response.body());
            }
            // Each event of a sale has exactly one category, so its numbers occur once in the body.
            String body = response.body();
            return new Reading(JsonNumbers.of(body, "capacity"), JsonNumbers.of(body, "confirmed"),
                    JsonNumbers.of(body, "available"), JsonNumbers.optional(body, "sequence"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + event, e);
        }
    }

    private static Stock sum(Map<EventId, Reading> readings, String source) {
        Stock stock = Stock.from(source);
        for (Reading reading : readings.values()) {
            stock = stock.plus(reading.capacity(), reading.confirmed(), reading.available());
        }
        return stock;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the view", e);
        }
    }
}
