package dev.booking.client.bench;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;

/** The workloads of WORKLOAD.md, by the names a user types. */
enum Workload {
    /** One flash on-sale: every buyer after the same seats. */
    HOT_EVENT("hot-event"),
    /** A busy evening: many small events, requests spread evenly over them. */
    MANY_EVENTS("many-events"),
    /** hot-event, also reporting whether a decision gets slower as the event fills. */
    SELLOUT_CURVE("sellout-curve");

    private final String label;

    Workload(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The events this workload puts on sale, with the options' numbers. */
    Sale sale(BenchOptions options, String eventPrefix) {
        return this == MANY_EVENTS
                ? Sale.of(eventPrefix, options.events, options.seatsPerEvent, options.maxQuantity)
                : Sale.of(eventPrefix, 1, options.capacity, options.maxQuantity);
    }

    boolean reportsCurve() {
        return this == SELLOUT_CURVE;
    }

    static final class Converter implements ITypeConverter<Workload> {
        @Override
        public Workload convert(String value) {
            return Arrays.stream(values()).filter(w -> w.label.equals(value)).findFirst()
                    .orElseThrow(() -> new TypeConversionException(
                            "'" + value + "' is not a workload: hot-event, many-events or sellout-curve"));
        }
    }
}
