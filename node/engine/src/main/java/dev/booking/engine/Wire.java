package dev.booking.engine;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.Change;
import dev.booking.domain.Tally;
import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventAvailability;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.RejectionReason;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Status;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How domain values are written between members and clients: field by field, no reflection. Public so
 * that the query side can write its views with the same codecs.
 */
public final class Wire {
    private static final Status[] STATUSES = Status.values();
    private static final RejectionReason[] REASONS = RejectionReason.values();

    private Wire() {
    }

    public static void writeRequest(ObjectDataOutput out, ReservationRequest r) throws IOException {
        out.writeString(r.eventId().value());
        out.writeString(r.reservationId().value());
        out.writeString(r.category().value());
        out.writeString(r.customerId().value());
        out.writeInt(r.quantity());
    }

    public static ReservationRequest readRequest(ObjectDataInput in) throws IOException {
        return new ReservationRequest(new EventId(in.readString()), new ReservationId(in.readString()),
                new CategoryId(in.readString()), new CustomerId(in.readString()), in.readInt());
    }

    public static void writeReservation(ObjectDataOutput out, Reservation r) throws IOException {
        out.writeString(r.eventId().value());
        out.writeString(r.id().value());
        out.writeString(r.category().value());
        out.writeString(r.customerId().value());
        out.writeInt(r.quantity());
        out.writeByte(r.status().ordinal());  // ordinals are wire format: append new statuses at the end
        out.writeByte(r.reason() == null ? -1 : r.reason().ordinal());
    }

    public static Reservation readReservation(ObjectDataInput in) throws IOException {
        EventId eventId = new EventId(in.readString());
        ReservationId id = new ReservationId(in.readString());
        CategoryId category = new CategoryId(in.readString());
        CustomerId customer = new CustomerId(in.readString());
        int quantity = in.readInt();
        Status status = STATUSES[in.readByte()];
        byte reason = in.readByte();
        return new Reservation(eventId, id, category, customer, quantity, status, reason < 0 ? null : REASONS[reason]);
    }

    public static void writeDefinition(ObjectDataOutput out, EventDefinition d) throws IOException {
        out.writeString(d.id().value());
        out.writeString(d.name());
        writeInstant(out, d.startsAt());
        out.writeInt(d.maxPerReservation());
        out.writeInt(d.categories().size());
        for (CategoryDefinition c : d.categories()) {
            out.writeString(c.id().value());
            out.writeInt(c.capacity());
        }
    }

    public static EventDefinition readDefinition(ObjectDataInput in) throws IOException {
        EventId id = new EventId(in.readString());
        String name = in.readString();
        Instant startsAt = readInstant(in);
        int max = in.readInt();
        int count = in.readInt();
        List<CategoryDefinition> categories = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            categories.add(new CategoryDefinition(new CategoryId(in.readString()), in.readInt()));
        }
        return new EventDefinition(id, name, startsAt, categories, max);
    }

    public static void writeAvailability(ObjectDataOutput out, EventAvailability a) throws IOException {
        out.writeString(a.id().value());
        out.writeString(a.name());
        writeInstant(out, a.startsAt());
        out.writeInt(a.maxPerReservation());
        out.writeInt(a.categories().size());
        for (EventAvailability.CategoryAvailability c : a.categories()) {
            out.writeString(c.id().value());
            out.writeInt(c.capacity());
            out.writeInt(c.confirmed());
        }
    }

    public static EventAvailability readAvailability(ObjectDataInput in) throws IOException {
        EventId id = new EventId(in.readString());
        String name = in.readString();
        Instant startsAt = readInstant(in);
        int max = in.readInt();
        int count = in.readInt();
        List<EventAvailability.CategoryAvailability> categories = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            categories.add(new EventAvailability.CategoryAvailability(new CategoryId(in.readString()),
                    in.readInt(), in.readInt()));
        }
        return new EventAvailability(id, name, startsAt, max, categories);
    }

    public static void writeChange(ObjectDataOutput out, Change c) throws IOException {
        out.writeString(c.eventId().value());
        out.writeLong(c.sequence());
        writeAvailability(out, c.availability());
        out.writeInt(c.tally().confirmed());
        out.writeInt(c.tally().rejected());
        out.writeInt(c.tally().cancelled());
        out.writeInt(c.reservations().size());
        for (Reservation r : c.reservations()) {
            writeReservation(out, r);
        }
        out.writeLong(c.atMillis());
    }

    public static Change readChange(ObjectDataInput in) throws IOException {
        EventId eventId = new EventId(in.readString());
        long sequence = in.readLong();
        EventAvailability availability = readAvailability(in);
        Tally tally = new Tally(in.readInt(), in.readInt(), in.readInt());
        int count = in.readInt();
        List<Reservation> reservations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reservations.add(readReservation(in));
        }
        return new Change(eventId, sequence, availability, tally, reservations, in.readLong());
    }

    private static void writeInstant(ObjectDataOutput out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(ObjectDataInput in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }
}
