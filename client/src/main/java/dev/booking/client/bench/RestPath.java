package dev.booking.client.bench;

import dev.booking.domain.EventId;
import dev.booking.domain.ReservationRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** A node's REST API, as any HTTP client would use it: one keep-alive connection per buyer. */
final class RestPath implements BookingPath {
    private final URI url;
    private final String host;
    private final int port;

    private RestPath(URI url) {
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("--url must be http://host:port, not " + url);
        }
        this.url = url;
        this.host = url.getHost();
        this.port = url.getPort() < 0 ? 80 : url.getPort();
    }

    static RestPath of(URI url) {
        return new RestPath(url);
    }

    @Override
    public String target() {
        return url.toString();
    }

    @Override
    public void putOnSale(Sale sale) {
        try (HttpConnection http = new HttpConnection(host, port)) {
            for (EventId event : sale.events()) {
                String body = "{\"name\":\"Benchmark " + event + "\",\"categories\":[{\"id\":\"" + sale.category()
                        + "\",\"capacity\":" + sale.seatsPerEvent() + "}],\"maxPerReservation\":"
                        + sale.maxPerReservation() + "}";
                HttpConnection.Response response = http.exchange("PUT", "/events/" + event, body);
                if (response.status() != 201) {
                    throw new IllegalStateException("PUT /events/" + event + " answered " + response.status()
                            + " (201 expected: a fresh event; choose another --event-prefix): " + response.body());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + url, e);
        }
    }

    @Override
    public Till till() {
        return new RestTill(new HttpConnection(host, port));
    }

    /** {@code GET /events/{id}} reads the query side's view, which trails the decisions: see {@link ViewReadings}. */
    @Override
    public Stock stock(Sale sale, long confirmedAsTold) {
        try (HttpConnection http = new HttpConnection(host, port)) {
            return new ViewReadings(sale, event -> http.exchange("GET", "/events/" + event, null))
                    .settle(confirmedAsTold);
        }
    }

    @Override
    public void close() {
        // Each till closes its own connection.
    }

    /** One buyer's connection; 201 is a confirmation, 409 a rejection, anything else no decision. */
    private static final class RestTill implements Till {
        private final HttpConnection http;

        RestTill(HttpConnection http) {
            this.http = http;
        }

        @Override
        public Answer reserve(ReservationRequest request) {
            String body = "{\"reservationId\":\"" + request.reservationId() + "\",\"category\":\"" + request.category()
                    + "\",\"customerId\":\"" + request.customerId() + "\",\"quantity\":" + request.quantity() + "}";
            try {
                HttpConnection.Response response = http.exchange("POST",
                        "/events/" + request.eventId() + "/reservations", body);
                if (response.status() == 201 && response.body().contains("\"status\":\"CONFIRMED\"")) {
                    return Answer.confirmed(response.replayed());
                }
                if (response.status() == 409 && response.body().contains("\"status\":\"REJECTED\"")) {
                    return Answer.rejected(response.replayed());
                }
                return Answer.undecided("HTTP " + response.status() + " " + abbreviated(response.body()));
            } catch (IOException | RuntimeException e) {
                http.close();
                return Answer.undecided(e.toString());
            }
        }

        private static String abbreviated(String text) {
            return text.length() <= 200 ? text : text.substring(0, 200) + "...";
        }

        @Override
        public void close() {
            http.close();
        }
    }
}
