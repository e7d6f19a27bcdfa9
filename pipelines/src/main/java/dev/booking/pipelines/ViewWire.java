package dev.booking.pipelines;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventAvailability.CategoryAvailability;
import dev.booking.domain.EventId;
import dev.booking.domain.RejectionReason;
import dev.booking.domain.ReservationId;
import dev.booking.domain.Status;
import dev.booking.domain.Tally;
import dev.booking.engine.Wire;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** How the views are written, field by field. Enums go by name, so that adding a constant changes nothing. */
final class ViewWire {
    private ViewWire() {
    }

    static void writeAvailabilityView(ObjectDataOutput out, AvailabilityView view) throws IOException {
        Wire.writeAvailability(out, view.availability());
        out.writeLong(view.sequence());
        out.writeLong(view.asOfMillis());
    }

    static AvailabilityView readAvailabilityView(ObjectDataInput in) throws IOException {
        return new AvailabilityView(Wire.readAvailability(in), in.readLong(), in.readLong());
    }

    static void writeCustomerReservations(ObjectDataOutput out, CustomerReservations view) throws IOException {
        out.writeString(view.customerId().value());
        out.writeInt(view.reservations().size());
        for (CustomerReservation r : view.reservations()) {
            out.writeString(r.eventId().value());
            out.writeString(r.reservationId().value());
            out.writeString(r.category().value());
            out.writeInt(r.quantity());
            out.writeString(r.status().name());
            out.writeString(r.reason() == null ? null : r.reason().name());
            out.writeLong(r.atMillis());
        }
    }

    static CustomerReservations readCustomerReservations(ObjectDataInput in) throws IOException {
        CustomerId customer = new CustomerId(in.readString());
        int count = in.readInt();
        List<CustomerReservation> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            EventId event = new EventId(in.readString());
            ReservationId id = new ReservationId(in.readString());
            CategoryId category = new CategoryId(in.readString());
            int quantity = in.readInt();
            Status status = Status.valueOf(in.readString());
            String reason = in.readString();
            lines.add(new CustomerReservation(event, id, category, quantity, status,
                    reason == null ? null : RejectionReason.valueOf(reason), in.readLong()));
        }
        return new CustomerReservations(customer, lines);
    }

    static void writeEventViewBucket(ObjectDataOutput out, EventViewBucket bucket) throws IOException {
        writeEventViewValues(out, bucket.views());
    }

    static EventViewBucket readEventViewBucket(ObjectDataInput in) throws IOException {
        EventViewBucket bucket = new EventViewBucket();
        readEventViewValues(in).forEach(bucket::merge);
        return bucket;
    }

    static void writeUpdateEventView(ObjectDataOutput out, UpdateEventView update) throws IOException {
        out.writeString(update.bucket());
        writeEventViewValues(out, update.values());
    }

    static UpdateEventView readUpdateEventView(ObjectDataInput in) throws IOException {
        return new UpdateEventView(in.readString(), readEventViewValues(in));
    }

    static void writeEventViewValues(ObjectDataOutput out, Collection<EventViewValue> values) throws IOException {
        out.writeInt(values.size());
        for (EventViewValue value : values) {
            out.writeObject(value);
        }
    }

    static List<EventViewValue> readEventViewValues(ObjectDataInput in) throws IOException {
        int count = in.readInt();
        List<EventViewValue> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readObject());
        }
        return values;
    }

    static void writeCustomerBucket(ObjectDataOutput out, CustomerBucket bucket) throws IOException {
        writeLists(out, bucket.lists());
    }

    static CustomerBucket readCustomerBucket(ObjectDataInput in) throws IOException {
        CustomerBucket bucket = new CustomerBucket();
        readLists(in).forEach(bucket::add);
        return bucket;
    }

    static void writeUpdateCustomerBucket(ObjectDataOutput out, UpdateCustomerBucket update) throws IOException {
        out.writeString(update.bucket());
        writeLists(out, update.lists());
    }

    static UpdateCustomerBucket readUpdateCustomerBucket(ObjectDataInput in) throws IOException {
        return new UpdateCustomerBucket(in.readString(), readLists(in));
    }

    static void writeLists(ObjectDataOutput out, Collection<CustomerReservations> lists) throws IOException {
        out.writeInt(lists.size());
        for (CustomerReservations list : lists) {
            writeCustomerReservations(out, list);
        }
    }

    static List<CustomerReservations> readLists(ObjectDataInput in) throws IOException {
        int count = in.readInt();
        List<CustomerReservations> lists = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lists.add(readCustomerReservations(in));
        }
        return lists;
    }

    static void writeSalesFigures(ObjectDataOutput out, SalesFigures figures) throws IOException {
        out.writeString(figures.eventId().value());
        out.writeLong(figures.sequence());
        out.writeInt(figures.tally().confirmed());
        out.writeInt(figures.tally().rejected());
        out.writeInt(figures.tally().cancelled());
        out.writeInt(figures.categories().size());
        for (CategoryAvailability c : figures.categories()) {
            out.writeString(c.id().value());
            out.writeInt(c.capacity());
            out.writeInt(c.confirmed());
        }
        out.writeInt(figures.soldOut().size());
        for (SalesFigures.SoldOut s : figures.soldOut()) {
            out.writeString(s.category().value());
            out.writeLong(s.atMillis());
        }
        out.writeInt(figures.minutes().size());
        for (SalesFigures.MinuteMark m : figures.minutes()) {
            out.writeLong(m.minute());
            out.writeLong(m.sequence());
            out.writeInt(m.seats());
        }
        out.writeLong(figures.asOfMillis());
    }

    static SalesFigures readSalesFigures(ObjectDataInput in) throws IOException {
        EventId event = new EventId(in.readString());
        long sequence = in.readLong();
        Tally tally = new Tally(in.readInt(), in.readInt(), in.readInt());
        int count = in.readInt();
        List<CategoryAvailability> categories = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            categories.add(new CategoryAvailability(new CategoryId(in.readString()), in.readInt(), in.readInt()));
        }
        count = in.readInt();
        List<SalesFigures.SoldOut> soldOut = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            soldOut.add(new SalesFigures.SoldOut(new CategoryId(in.readString()), in.readLong()));
        }
        count = in.readInt();
        List<SalesFigures.MinuteMark> minutes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            minutes.add(new SalesFigures.MinuteMark(in.readLong(), in.readLong(), in.readInt()));
        }
        return new SalesFigures(event, sequence, tally, categories, soldOut, minutes, in.readLong());
    }

    static void writeLostEvents(ObjectDataOutput out, LostEvents lost) throws IOException {
        out.writeLong(lost.occurrences());
        out.writeLong(lost.firstSeenMillis());
        out.writeLong(lost.lastSeenMillis());
    }

    static LostEvents readLostEvents(ObjectDataInput in) throws IOException {
        return new LostEvents(in.readLong(), in.readLong(), in.readLong());
    }

    static void writeRebuildingLists(ObjectDataOutput out, RebuildingLists rebuilding) throws IOException {
        out.writeInt(rebuilding.buckets().size());
        for (Map.Entry<Integer, RebuildingLists.Lost> bucket : rebuilding.buckets().entrySet()) {
            out.writeInt(bucket.getKey());
            out.writeLong(bucket.getValue().mark());
            out.writeLong(bucket.getValue().sinceMillis());
        }
        out.writeLong(rebuilding.lastMark());
    }

    static RebuildingLists readRebuildingLists(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        TreeMap<Integer, RebuildingLists.Lost> buckets = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            buckets.put(in.readInt(), new RebuildingLists.Lost(in.readLong(), in.readLong()));
        }
        return new RebuildingLists(buckets, in.readLong());
    }

    static void writeMarks(ObjectDataOutput out, Map<Integer, Long> marks) throws IOException {
        out.writeInt(marks.size());
        for (Map.Entry<Integer, Long> mark : marks.entrySet()) {
            out.writeInt(mark.getKey());
            out.writeLong(mark.getValue());
        }
    }

    static TreeMap<Integer, Long> readMarks(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        TreeMap<Integer, Long> marks = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            marks.put(in.readInt(), in.readLong());
        }
        return marks;
    }

    static void writeBuckets(ObjectDataOutput out, Set<Integer> buckets) throws IOException {
        out.writeInt(buckets.size());
        for (int bucket : buckets) {
            out.writeInt(bucket);
        }
    }

    static TreeSet<Integer> readBuckets(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        TreeSet<Integer> buckets = new TreeSet<>();
        for (int i = 0; i < size; i++) {
            buckets.add(in.readInt());
        }
        return buckets;
    }

    static void writeLagSnapshot(ObjectDataOutput out, LagSnapshot lag) throws IOException {
        out.writeString(lag.member());
        out.writeInt(lag.counts().size());
        for (long count : lag.counts()) {
            out.writeLong(count);
        }
        out.writeLong(lag.maxMillis());
        out.writeLong(lag.publishedAtMillis());
    }

    static LagSnapshot readLagSnapshot(ObjectDataInput in) throws IOException {
        String member = in.readString();
        int size = in.readInt();
        List<Long> counts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            counts.add(in.readLong());
        }
        return new LagSnapshot(member, counts, in.readLong(), in.readLong());
    }
}
