package dev.booking.engine;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import dev.booking.domain.Cancellation;
import dev.booking.domain.Change;
import dev.booking.domain.Decision;
import dev.booking.domain.EventAvailability;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Revision;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the serializers of everything the engine sends between members and clients. Members and
 * clients must both call {@link #register}; {@code BookingConfig} and the client do it for you.
 * Explicit serializers keep the domain free of Hazelcast and the hot path free of reflection.
 */
public final class BookingSerialization {
    /** Type ids 7100-7199 belong to this project: the engine uses 7101-7149, the query side 7150-7199. */
    static final int FIRST_TYPE_ID = 7100;

    private BookingSerialization() {
    }

    public static SerializationConfig register(SerializationConfig config) {
        int id = FIRST_TYPE_ID;
        add(config, ++id, ReservationRequest.class, Wire::writeRequest, Wire::readRequest);
        add(config, ++id, Reservation.class, Wire::writeReservation, Wire::readReservation);
        add(config, ++id, EventAvailability.class, Wire::writeAvailability, Wire::readAvailability);
        add(config, ++id, Inventory.class, BookingSerialization::writeInventory, BookingSerialization::readInventory);
        add(config, ++id, ReserveSeats.class, (out, p) -> {
            writeRequests(out, p.requests());
            out.writeBoolean(p.onBackup());
        }, in -> new ReserveSeats(readRequests(in), in.readBoolean()));
        add(config, ++id, CancelReservation.class, (out, p) -> {
            out.writeString(p.reservationId().value());
            out.writeBoolean(p.onBackup());
        }, in -> new CancelReservation(new ReservationId(in.readString()), in.readBoolean()));
        add(config, ++id, DefineEvent.class, (out, p) -> {
            Wire.writeDefinition(out, p.definition());
            out.writeBoolean(p.onBackup());
        }, in -> new DefineEvent(Wire.readDefinition(in), in.readBoolean()));
        add(config, ++id, ReadAvailability.class, (out, p) -> { }, in -> new ReadAvailability());
        add(config, ++id, ReadReservation.class, (out, p) -> out.writeString(p.reservationId().value()),
                in -> new ReadReservation(new ReservationId(in.readString())));
        add(config, ++id, Decision.Confirmed.class, (out, d) -> writeDecided(out, d.reservation(), d.replay()),
                in -> new Decision.Confirmed(Wire.readReservation(in), in.readBoolean()));
        add(config, ++id, Decision.Rejected.class, (out, d) -> writeDecided(out, d.reservation(), d.replay()),
                in -> new Decision.Rejected(Wire.readReservation(in), in.readBoolean()));
        add(config, ++id, Decision.Conflict.class, (out, d) -> Wire.writeReservation(out, d.existing()),
                in -> new Decision.Conflict(Wire.readReservation(in)));
        add(config, ++id, Decision.Refused.class, (out, d) -> {
            out.writeString(d.refusal().name());
            out.writeString(d.detail());
        }, in -> new Decision.Refused(Decision.Refusal.valueOf(in.readString()), in.readString()));
        add(config, ++id, Cancellation.Cancelled.class, (out, c) -> writeDecided(out, c.reservation(), c.replay()),
                in -> new Cancellation.Cancelled(Wire.readReservation(in), in.readBoolean()));
        add(config, ++id, Cancellation.NotCancellable.class, (out, c) -> Wire.writeReservation(out, c.reservation()),
                in -> new Cancellation.NotCancellable(Wire.readReservation(in)));
        add(config, ++id, Cancellation.NotFound.class, (out, c) -> { }, in -> new Cancellation.NotFound());
        add(config, ++id, Revision.Created.class, (out, r) -> Wire.writeAvailability(out, r.event()),
                in -> new Revision.Created(Wire.readAvailability(in)));
        add(config, ++id, Revision.Updated.class, (out, r) -> Wire.writeAvailability(out, r.event()),
                in -> new Revision.Updated(Wire.readAvailability(in)));
        add(config, ++id, Revision.Refused.class, (out, r) -> out.writeString(r.detail()),
                in -> new Revision.Refused(in.readString()));
        add(config, ++id, Change.class, Wire::writeChange, Wire::readChange);
        add(config, ++id, ReadWholeEvent.class, (out, p) -> { }, in -> new ReadWholeEvent());
        add(config, ++id, Decision.Pending.class, (out, d) -> Wire.writeReservation(out, d.reservation()),
                in -> new Decision.Pending(Wire.readReservation(in)));
        add(config, ++id, EnqueueRequest.class, (out, p) -> Wire.writeRequest(out, p.request()),
                in -> new EnqueueRequest(Wire.readRequest(in)));
        add(config, ++id, CheckReservation.class, (out, p) -> Wire.writeRequest(out, p.request()),
                in -> new CheckReservation(Wire.readRequest(in)));
        add(config, ++id, Verdicts.class, BookingSerialization::writeVerdicts, BookingSerialization::readVerdicts);
        add(config, ++id, ChangeBatch.class, (out, batch) -> {
            out.writeInt(batch.changes().size());
            for (Change change : batch.changes()) {
                Wire.writeChange(out, change);
            }
        }, in -> {
            int count = in.readInt();
            List<Change> changes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                changes.add(Wire.readChange(in));
            }
            return new ChangeBatch(changes);
        });
        add(config, ++id, ReadEventShare.class, (out, read) -> {
            out.writeInt(read.share());
            out.writeInt(read.shares());
        }, in -> new ReadEventShare(in.readInt(), in.readInt()));
        add(config, ++id, CountReservations.class, (out, p) -> { }, in -> new CountReservations());
        add(config, ++id, Revision.TooManyCategories.class, (out, r) -> out.writeString(r.detail()),
                in -> new Revision.TooManyCategories(in.readString()));
        add(config, ++id, DecideAccepted.class, (out, p) -> {
            Wire.writeRequest(out, p.request());
            out.writeBoolean(p.onBackup());
        }, in -> new DecideAccepted(Wire.readRequest(in), in.readBoolean()));
        return config;
    }

    /** Whether a member's configuration can carry the engine's values (used when embedding). */
    public static boolean isRegistered(SerializationConfig config) {
        return config.getSerializerConfigs().stream()
                .anyMatch(s -> Inventory.class.getName().equals(s.getTypeClassName())
                        || Inventory.class.equals(s.getTypeClass()));
    }

    private static void writeDecided(ObjectDataOutput out, Reservation reservation, boolean replay) throws IOException {
        Wire.writeReservation(out, reservation);
        out.writeBoolean(replay);
    }

    private static void writeVerdicts(ObjectDataOutput out, Verdicts verdicts) throws IOException {
        Verdicts.Encoded encoded = verdicts.encoded();
        out.writeByteArray(encoded.codes());
        for (Decision whole : encoded.whole()) {
            out.writeObject(whole);
        }
    }

    private static Verdicts readVerdicts(ObjectDataInput in) throws IOException {
        byte[] codes = in.readByteArray();
        Decision[] whole = new Decision[codes.length / 3];
        for (int i = 0; i < whole.length; i++) {
            whole[i] = in.readObject();
        }
        return Verdicts.read(new Verdicts.Encoded(codes, whole));
    }

    private static void writeRequests(ObjectDataOutput out, List<ReservationRequest> requests) throws IOException {
        out.writeInt(requests.size());
        for (ReservationRequest request : requests) {
            Wire.writeRequest(out, request);
        }
    }

    private static List<ReservationRequest> readRequests(ObjectDataInput in) throws IOException {
        int count = in.readInt();
        List<ReservationRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(Wire.readRequest(in));
        }
        return requests;
    }

    // Written when a partition migrates or a backup is rebuilt, never per decision.
    private static void writeInventory(ObjectDataOutput out, Inventory inventory) throws IOException {
        Wire.writeDefinition(out, inventory.definition());
        out.writeLong(inventory.sequence());
        out.writeInt(inventory.reservationCount());
        IOException[] failure = new IOException[1];
        inventory.forEachReservation(r -> {
            try {
                Wire.writeReservation(out, r);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static Inventory readInventory(ObjectDataInput in) throws IOException {
        var definition = Wire.readDefinition(in);
        long sequence = in.readLong();
        int count = in.readInt();
        List<Reservation> ledger = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ledger.add(Wire.readReservation(in));
        }
        return Inventory.restore(definition, sequence, ledger);
    }

    /** Registers a field-by-field serializer for one type; the query side registers its views with it too. */
    public static <T> void add(SerializationConfig config, int typeId, Class<T> type, Writer<T> writer, Reader<T> reader) {
        config.addSerializerConfig(new SerializerConfig().setTypeClass(type)
                .setImplementation(new StreamSerializer<T>() {
                    @Override
                    public void write(ObjectDataOutput out, T object) throws IOException {
                        writer.write(out, object);
                    }

                    @Override
                    public T read(ObjectDataInput in) throws IOException {
                        return reader.read(in);
                    }

                    @Override
                    public int getTypeId() {
                        return typeId;
                    }
                }));
    }

    @FunctionalInterface
    public interface Writer<T> {
        void write(ObjectDataOutput out, T value) throws IOException;
    }

    @FunctionalInterface
    public interface Reader<T> {
        T read(ObjectDataInput in) throws IOException;
    }
}
