package dev.booking.pipelines;

import com.hazelcast.config.SerializationConfig;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventId;

import static dev.booking.engine.BookingSerialization.add;

/**
 * Registers the serializers of the query-side views (type ids 7150-7199; the engine has 7101-7149).
 * Members and clients that read the views must both call {@link #register}, next to
 * {@code BookingSerialization.register}.
 */
public final class ViewSerialization {
    static final int FIRST_TYPE_ID = 7150;

    private ViewSerialization() {
    }

    public static SerializationConfig register(SerializationConfig config) {
        if (isRegistered(config)) {
            return config;
        }
        int id = FIRST_TYPE_ID;
        add(config, id++, AvailabilityView.class, ViewWire::writeAvailabilityView, ViewWire::readAvailabilityView);
        add(config, id++, CustomerReservations.class, ViewWire::writeCustomerReservations,
                ViewWire::readCustomerReservations);
        add(config, id++, SalesFigures.class, ViewWire::writeSalesFigures, ViewWire::readSalesFigures);
        add(config, id++, LostEvents.class, ViewWire::writeLostEvents, ViewWire::readLostEvents);
        add(config, id++, LagSnapshot.class, ViewWire::writeLagSnapshot, ViewWire::readLagSnapshot);
        add(config, id++, CustomerBucket.class, ViewWire::writeCustomerBucket, ViewWire::readCustomerBucket);
        add(config, id++, UpdateCustomerBucket.class, ViewWire::writeUpdateCustomerBucket,
                ViewWire::readUpdateCustomerBucket);
        add(config, id++, ReadCustomerList.class, (out, read) -> out.writeString(read.customer().value()),
                in -> new ReadCustomerList(new CustomerId(in.readString())));
        add(config, id++, RebuildingLists.class, ViewWire::writeRebuildingLists, ViewWire::readRebuildingLists);
        add(config, id++, RebuildingLists.Mark.class, (out, mark) -> {
            ViewWire.writeBuckets(out, mark.lost());
            out.writeLong(mark.atMillis());
        }, in -> new RebuildingLists.Mark(ViewWire.readBuckets(in), in.readLong()));
        add(config, id++, RebuildingLists.Unmark.class, (out, unmark) -> ViewWire.writeMarks(out, unmark.whole()),
                in -> new RebuildingLists.Unmark(ViewWire.readMarks(in)));
        // 7161 was the update of one event's entry, before the event buckets: retired, so that a member of an
        // older build fails to read the new update instead of misreading it.
        id++;
        add(config, id++, UpdateEventView.class, ViewWire::writeUpdateEventView, ViewWire::readUpdateEventView);
        add(config, id++, EventViewBucket.class, ViewWire::writeEventViewBucket, ViewWire::readEventViewBucket);
        add(config, id++, ReadEventView.class, (out, read) -> out.writeString(read.event().value()),
                in -> new ReadEventView(new EventId(in.readString())));
        add(config, id++, ResetFigures.class, (out, reset) -> { }, in -> new ResetFigures());
        add(config, id++, TakeBackEventViews.class, (out, take) -> {
            ViewWire.writeEventViewValues(out, take.seen());
            out.writeBoolean(take.keepHistory());
        }, in -> new TakeBackEventViews(ViewWire.readEventViewValues(in), in.readBoolean()));
        add(config, id, TakeBackCustomerLines.class, (out, take) -> ViewWire.writeLists(out, take.seen()),
                in -> new TakeBackCustomerLines(ViewWire.readLists(in)));
        return config;
    }

    public static boolean isRegistered(SerializationConfig config) {
        return config.getSerializerConfigs().stream()
                .anyMatch(s -> AvailabilityView.class.equals(s.getTypeClass())
                        || AvailabilityView.class.getName().equals(s.getTypeClassName()));
    }
}
