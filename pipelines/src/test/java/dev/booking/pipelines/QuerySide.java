package dev.booking.pipelines;

import dev.booking.testing.BookingCluster;

/** The members the query side's tests run on: the engine's test cluster, with the views' serializers. */
final class QuerySide {
    private QuerySide() {
    }

    static BookingCluster cluster(int size) {
        return BookingCluster.of(size, config -> {
            ViewSerialization.register(config.getSerializationConfig());
            return config;
        });
    }
}
