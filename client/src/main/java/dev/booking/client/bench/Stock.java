package dev.booking.client.bench;

/**
 * Seats of a sale as read back from the cluster, summed over its events, and where they were read:
 * the inventory itself (Java client) or the query side's view (REST), which is eventually consistent.
 */
record Stock(long capacity, long confirmed, long available, String source) {

    static Stock from(String source) {
        return new Stock(0, 0, 0, source);
    }

    Stock plus(long capacity, long confirmed, long available) {
        return new Stock(this.capacity + capacity, this.confirmed + confirmed, this.available + available, source);
    }
}
