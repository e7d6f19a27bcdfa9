package dev.booking.pipelines;

import dev.booking.domain.CategoryId;
import dev.booking.domain.Change;
import dev.booking.domain.EventAvailability.CategoryAvailability;
import dev.booking.domain.EventId;
import dev.booking.domain.Tally;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * The sales figures of an event (map {@value ViewMaps#FIGURES}, in its {@link EventViewBucket}).
 *
 * <ul>
 *   <li>{@code tally} and {@code categories}: the counts and seats of the change with the highest
 *       {@code sequence} seen (published at {@code asOfMillis});</li>
 *   <li>{@code soldOut}: per category, the earliest {@code atMillis} of a change that left it with no seat;</li>
 *   <li>{@code minutes}: per minute of {@code atMillis}, the seats confirmed at the highest sequence seen in
 *       that minute, keeping only marks whose sequence rises with time (the latest {@value #MAX_MINUTES}).
 *       Seats per minute are differences of consecutive marks ({@link #seatsPerMinute}), never counted
 *       increments.</li>
 * </ul>
 *
 * <p>Every part merges by max of sequence or min of time, so {@link #merge} is commutative, associative
 * and idempotent: duplicated and reordered changes give the same figures. Sold-out moments and minute
 * marks are history that the ledger does not keep: they exist only for changes the view has seen.
 */
public record SalesFigures(EventId eventId, long sequence, Tally tally, List<CategoryAvailability> categories,
                           List<SoldOut> soldOut, List<MinuteMark> minutes, long asOfMillis)
        implements EventViewValue {
    public static final int MAX_MINUTES = 1440;
    private static final long MINUTE = 60_000;

    public SalesFigures {
        categories = List.copyOf(categories);
        soldOut = List.copyOf(soldOut);
        minutes = List.copyOf(minutes);
    }

    /** The moment a category first had no seat left (it may have seats again after cancellations). */
    public record SoldOut(CategoryId category, long atMillis) {
    }

    /** Seats confirmed (net of cancellations) at the highest sequence seen in an epoch minute. */
    public record MinuteMark(long minute, long sequence, int seats) {
    }

    /** Net seats confirmed during the minute starting at {@code minuteStartMillis}. */
    public record MinuteSales(long minuteStartMillis, int seats) {
    }

    public static SalesFigures of(Change change) {
        List<SoldOut> soldOut = change.availability().categories().stream()
                .filter(c -> c.capacity() > 0 && c.available() <= 0)
                .map(c -> new SoldOut(c.id(), change.atMillis()))
                .sorted(Comparator.comparing(s -> s.category().value()))
                .toList();
        int seats = seats(change.availability().categories());
        MinuteMark mark = new MinuteMark(Math.floorDiv(change.atMillis(), MINUTE), change.sequence(), seats);
        return new SalesFigures(change.eventId(), change.sequence(), change.tally(),
                change.availability().categories(), soldOut, List.of(mark), change.atMillis());
    }

    public static SalesFigures merge(SalesFigures a, SalesFigures b) {
        SalesFigures latest = Sequenced.firstIsNewer(a.sequence, a.asOfMillis, b.sequence, b.asOfMillis) ? a : b;
        List<SoldOut> soldOut = union(a.soldOut, b.soldOut, s -> s.category().value(),
                (x, y) -> x.atMillis() <= y.atMillis() ? x : y);
        List<MinuteMark> minutes = union(a.minutes, b.minutes, MinuteMark::minute,
                (x, y) -> x.sequence() != y.sequence() ? (x.sequence() > y.sequence() ? x : y)
                        : (x.seats() >= y.seats() ? x : y));
        minutes = rising(minutes);
        if (minutes.size() > MAX_MINUTES) {
            minutes = minutes.subList(minutes.size() - MAX_MINUTES, minutes.size());
        }
        return new SalesFigures(latest.eventId, latest.sequence, latest.tally, latest.categories, soldOut,
                minutes, latest.asOfMillis);
    }

    /**
     * Only what the ledger cannot give back (sold-out moments and minute marks), at sequence 0: what a
     * rebuild keeps, so that the republished truth merges into the history instead of replacing it.
     */
    public SalesFigures historyOnly() {
        return new SalesFigures(eventId, 0, Tally.NONE, List.of(), soldOut, minutes, 0);
    }

    public int confirmed() {
        return tally.confirmed();
    }

    public int rejected() {
        return tally.rejected();
    }

    public int confirmedSeats() {
        return seats(categories);
    }

    public Optional<Instant> soldOutAt(CategoryId category) {
        return soldOut.stream().filter(s -> s.category().equals(category)).findFirst()
                .map(s -> Instant.ofEpochMilli(s.atMillis()));
    }

    /** Net seats confirmed per minute with sales, oldest first: each mark minus the one before it. */
    public List<MinuteSales> seatsPerMinute() {
        List<MinuteSales> sales = new ArrayList<>(minutes.size());
        int previous = 0;
        for (MinuteMark mark : minutes) {
            sales.add(new MinuteSales(mark.minute() * MINUTE, mark.seats() - previous));
            previous = mark.seats();
        }
        return sales;
    }

    /**
     * Only the marks whose sequence is above that of every earlier minute: a change stamped later than a
     * newer one (a republished change, clock skew between publishers) says nothing about its minute.
     */
    private static List<MinuteMark> rising(List<MinuteMark> marks) {
        List<MinuteMark> rising = new ArrayList<>(marks.size());
        long highest = Long.MIN_VALUE;
        for (MinuteMark mark : marks) {
            if (mark.sequence() > highest) {
                rising.add(mark);
                highest = mark.sequence();
            }
        }
        return rising;
    }

    private static int seats(List<CategoryAvailability> categories) {
        return categories.stream().mapToInt(CategoryAvailability::confirmed).sum();
    }

    /** Both sorted lists as one, sorted by key, with {@code pick} choosing between equal keys. */
    private static <T, K extends Comparable<K>> List<T> union(List<T> a, List<T> b, Function<T, K> key,
                                                             BinaryOperator<T> pick) {
        List<T> merged = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            int order = key.apply(a.get(i)).compareTo(key.apply(b.get(j)));
            if (order < 0) {
                merged.add(a.get(i++));
            } else if (order > 0) {
                merged.add(b.get(j++));
            } else {
                merged.add(pick.apply(a.get(i++), b.get(j++)));
            }
        }
        merged.addAll(a.subList(i, a.size()));
        merged.addAll(b.subList(j, b.size()));
        return merged;
    }
}
