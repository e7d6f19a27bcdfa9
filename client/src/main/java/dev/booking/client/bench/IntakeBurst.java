package dev.booking.client.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast the asynchronous intake accepts, and how fast its deciders drain it:
 * {@code java -cp booking-bench.jar dev.booking.client.bench.IntakeBurst [url] [seconds] [threads]}.
 *
 * <p>Defines a fresh event of 1,000,000 seats, then {@code threads} buyers post new reservations with
 * {@code Prefer: respond-async} for {@code seconds}, counting the 202s. Then it watches
 * {@code booking_intake_pending} on {@code /metrics} until every accepted request is decided, and checks
 * that the seats confirmed (read from the event's view once it stops moving) equal the seats accepted:
 * with a million seats every accepted request must be confirmed. Prints one JSON line.
 */
public final class IntakeBurst {
    private static final Pattern PENDING = Pattern.compile("(?m)^booking_intake_pending (\\S+)");
    private static final Pattern CONFIRMED = Pattern.compile("\"confirmed\":(\\d+)");

    private IntakeBurst() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String event = "intake-" + UUID.randomUUID().toString().substring(0, 8);
        send(http, "PUT", url + "/events/" + event,
                "{\"name\":\"Intake burst\",\"categories\":[{\"id\":\"floor\",\"capacity\":1000000}],\"maxPerReservation\":4}", false);

        AtomicLong accepted = new AtomicLong();
        AtomicLong acceptedSeats = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        Thread[] buyers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int buyer = t;
            buyers[t] = new Thread(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    int quantity = 1 + ThreadLocalRandom.current().nextInt(4);
                    String body = "{\"reservationId\":\"b" + buyer + "-" + n + "\",\"category\":\"floor\",\"customerId\":\"c"
                            + ThreadLocalRandom.current().nextInt(100_000) + "\",\"quantity\":" + quantity + "}";
                    int status = send(http, "POST", url + "/events/" + event + "/reservations", body, true);
                    if (status == 202) {
                        accepted.incrementAndGet();
                        acceptedSeats.addAndGet(quantity);
                    } else {
                        other.incrementAndGet();
                    }
                }
            });
            buyers[t].start();
        }
        for (Thread buyer : buyers) {
            buyer.join();
        }
        double acceptSeconds = (System.nanoTime() - start) / 1e9;
        long drainStart = System.nanoTime();
        while (pending(http, url) > 0 && System.nanoTime() - drainStart < Duration.ofSeconds(120).toNanos()) {
            Thread.sleep(50);
        }
        double allDecidedSeconds = (System.nanoTime() - start) / 1e9;
        long confirmed = settledConfirmed(http, url + "/events/" + event);
        System.out.printf("{\"workload\":\"intake-burst\",\"threads\":%d,\"accepted\":%d,\"notAccepted\":%d,"
                        + "\"acceptedPerSecond\":%.0f,\"decidedPerSecond\":%.0f,\"drainSecondsAfterBurst\":%.2f,"
                        + "\"acceptedSeats\":%d,\"confirmedSeatsInView\":%d,\"passed\":%b}%n",
                threads, accepted.get(), other.get(), accepted.get() / acceptSeconds, accepted.get() / allDecidedSeconds,
                allDecidedSeconds - acceptSeconds, acceptedSeats.get(), confirmed,
                other.get() == 0 && confirmed == acceptedSeats.get());
    }

    private static long pending(HttpClient http, String url) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = PENDING.matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    /** The view is eventually consistent: read until it stops moving. */
    private static long settledConfirmed(HttpClient http, String eventUrl) throws Exception {
        long last = -1;
        for (int stable = 0, i = 0; stable < 10 && i < 600; i++) {
            Matcher m = CONFIRMED.matcher(http.send(HttpRequest.newBuilder(URI.create(eventUrl)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            long now = m.find() ? Long.parseLong(m.group(1)) : -1;
            stable = now == last ? stable + 1 : 0;
            last = now;
            Thread.sleep(100);
        }
        return last;
    }

    private static int send(HttpClient http, String method, String url, String body, boolean async) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        if (async) {
            request.header("Prefer", "respond-async");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
