package dev.booking.pipelines;

import dev.booking.domain.CategoryId;
import dev.booking.domain.EventId;
import dev.booking.domain.RejectionReason;
import dev.booking.domain.ReservationId;
import dev.booking.domain.Status;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    // Where each field of the tail starts, counted from the end of the id.
    private static final int EVENT = 0;
    private static final int CATEGORY = 4;
    private static final int QUANTITY = 8;
    private static final int FLAGS = 12;
    private static final int AT_MILLIS = 13;
    private static final int TAIL = 21;
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
        int tail = 1 + id.length();
        INT.set(packed, tail + EVENT, event);
        INT.set(packed, tail + CATEGORY, category);
        INT.set(packed, tail + QUANTITY, line.quantity());
        packed[tail + FLAGS] = (byte) (line.status().ordinal() << 4 | (line.reason() == null ? NO_REASON : line.reason().ordinal()));
        LONG.set(packed, tail + AT_MILLIS, line.atMillis());
        return packed;
    }

    static CustomerReservation unpack(byte[] line, IdTable<EventId> events, IdTable<CategoryId> categories) {
        int tail = tail(line);
        int reason = line[tail + FLAGS] & 0x0F;
        return new CustomerReservation(events.id(event(line)),
                new ReservationId(new String(line, 1, line[0], StandardCharsets.US_ASCII)),
                categories.id((int) INT.get(line, tail + CATEGORY)), (int) INT.get(line, tail + QUANTITY), status(line),
                reason == NO_REASON ? null : REASONS[reason], atMillis(line));
    }

    /** Whether the held line gives way to the given line of the same reservation ({@link CustomerReservation#moreAdvanced}). */
    static boolean isReplacedBy(byte[] held, CustomerReservation given) {
        return CustomerReservation.isMoreAdvanced(given.status(), given.atMillis(), status(held), atMillis(held));
    }

    static int event(byte[] line) {
        return (int) INT.get(line, tail(line) + EVENT);
    }

    private static Status status(byte[] line) {
        return STATUSES[(line[tail(line) + FLAGS] & 0xFF) >>> 4];
    }

    private static long atMillis(byte[] line) {
        return (long) LONG.get(line, tail(line) + AT_MILLIS);
    }

    private static int tail(byte[] line) {
        return 1 + line[0];
    }

    /**
     * {@link CustomerReservation#ORDER} between a packed line of one bucket and the line of the given
     * event (its number in the bucket's table) and reservation id, without packing that line: by event
     * id, then by reservation id. Ids are ASCII, so comparing their bytes orders them as their strings.
     */
    static int compare(byte[] line, int event, String reservationId, IdTable<EventId> events) {
        int lineEvent = event(line);
        if (lineEvent != event) {
            int byEvent = events.value(lineEvent).compareTo(events.value(event));
            if (byEvent != 0) {
                return byEvent;
            }
        }
        int length = Math.min(line[0], reservationId.length());
        for (int i = 0; i < length; i++) {
            int a = line[1 + i] & 0xFF;
            int b = reservationId.charAt(i);
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return Integer.compare(line[0], reservationId.length());
    }
}
