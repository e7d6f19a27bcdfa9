package dev.booking.pipelines;

import dev.booking.domain.CategoryId;
import dev.booking.domain.EventId;
import dev.booking.domain.RejectionReason;
import dev.booking.domain.ReservationId;
import dev.booking.domain.Status;

import java.nio.charset.StandardCharsets;

/**
 * A {@link CustomerReservation} as a {@link CustomerBucket} keeps it: one {@code byte[]}.
 *
 * <p>A bucket keeps a line for every reservation of its customers for as long as the view exists, and
 * the lines arrive at the pace of an on-sale. As objects (the line, its reservation and category ids,
 * their strings and byte arrays: seven objects) a million lines of 100,000 customers took 155 bytes a
 * line, and they were most of what the garbage collector copied while a big event sold; packed, 67 bytes
 * and one object a line. A packed line holds the reservation id (ASCII, by the identifier rule), the
 * numbers of its event and category in the bucket's {@link IdTable}s, the quantity, the status and
 * reason, and the time:
 *
 * <pre>
 * [id length][id ...][event: 4][category: 4][quantity: 4][status &lt;&lt; 4 | reason (15: none)][atMillis: 8]
 * </pre>
 */
final class PackedLine {
    private static final Status[] STATUSES = Status.values();
    private static final RejectionReason[] REASONS = RejectionReason.values();
    private static final int NO_REASON = 15;
    private static final int TAIL = 4 + 4 + 4 + 1 + 8;
    private static final int LONGEST_ID = 127;

    static {
        if (STATUSES.length > 16 || REASONS.length >= NO_REASON) {
            throw new IllegalStateException("a packed line holds a status and a reason in four bits each");
        }
    }

    private PackedLine() {
    }

    static byte[] pack(CustomerReservation line, int event, int category) {
        String id = line.reservationId().value();
        if (id.length() > LONGEST_ID) {
            throw new IllegalArgumentException("a packed line holds ids of up to " + LONGEST_ID + " characters: " + id);
        }
        byte[] packed = new byte[1 + id.length() + TAIL];
        packed[0] = (byte) id.length();
        for (int i = 0; i < id.length(); i++) {
            packed[1 + i] = (byte) id.charAt(i);
        }
        int at = 1 + id.length();
        at = putInt(packed, at, event);
        at = putInt(packed, at, category);
        at = putInt(packed, at, line.quantity());
        packed[at++] = (byte) (line.status().ordinal() << 4 | (line.reason() == null ? NO_REASON : line.reason().ordinal()));
        putLong(packed, at, line.atMillis());
        return packed;
    }

    static CustomerReservation unpack(byte[] line, IdTable<EventId> events, IdTable<CategoryId> categories) {
        int at = 1 + line[0];
        int flags = line[at + 12] & 0xFF;
        int reason = flags & 0x0F;
        return new CustomerReservation(events.id(event(line)),
                new ReservationId(new String(line, 1, line[0], StandardCharsets.US_ASCII)),
                categories.id(getInt(line, at + 4)), getInt(line, at + 8), STATUSES[flags >>> 4],
                reason == NO_REASON ? null : REASONS[reason], getLong(line, at + 13));
    }

    /** Whether the held line gives way to the given line of the same reservation ({@link CustomerReservation#moreAdvanced}). */
    static boolean isReplacedBy(byte[] held, CustomerReservation given) {
        int at = 1 + held[0];
        Status status = STATUSES[(held[at + 12] & 0xFF) >>> 4];
        return CustomerReservation.isMoreAdvanced(given.status(), given.atMillis(), status, getLong(held, at + 13));
    }

    static int event(byte[] line) {
        return getInt(line, 1 + line[0]);
    }

    /**
     * {@link CustomerReservation#ORDER} on packed lines of one bucket: by event id, then by reservation id.
     * Ids are ASCII, so comparing their bytes orders them as their strings.
     */
    static int compare(byte[] a, byte[] b, IdTable<EventId> events) {
        int eventA = event(a);
        int eventB = event(b);
        if (eventA != eventB) {
            int byEvent = events.value(eventA).compareTo(events.value(eventB));
            if (byEvent != 0) {
                return byEvent;
            }
        }
        int length = Math.min(a[0], b[0]);
        for (int i = 1; i <= length; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i] & 0xFF, b[i] & 0xFF);
            }
        }
        return Integer.compare(a[0], b[0]);
    }

    private static int putInt(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
        return at + 4;
    }

    private static void putLong(byte[] into, int at, long value) {
        putInt(into, at, (int) (value >>> 32));
        putInt(into, at + 4, (int) value);
    }

    private static int getInt(byte[] from, int at) {
        return (from[at] & 0xFF) << 24 | (from[at + 1] & 0xFF) << 16 | (from[at + 2] & 0xFF) << 8 | (from[at + 3] & 0xFF);
    }

    private static long getLong(byte[] from, int at) {
        return (long) getInt(from, at) << 32 | (getInt(from, at + 4) & 0xFFFFFFFFL);
    }
}
