package dev.booking.client.bench;

import dev.booking.client.BookingClient;
import dev.booking.domain.Decision;
import dev.booking.domain.EventAvailability;
import dev.booking.domain.EventId;
import dev.booking.domain.Revision;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The Java client: requests go straight to the partition owner of their event, batched per event. */
final class ClientPath implements BookingPath {
    private final BookingClient client;
    private final String target;
    private final boolean groupCommit;

    private ClientPath(BookingClient client, String target, boolean groupCommit) {
        this.client = client;
        this.target = target;
        this.groupCommit = groupCommit;
    }

    static ClientPath connect(String clusterName, List<String> members, boolean groupCommit) {
        return new ClientPath(BookingClient.connect(clusterName, members),
                "cluster '" + clusterName + "' at " + String.join(",", members)
                        + (groupCommit ? "" : ", one call per reservation"), groupCommit);
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public void putOnSale(Sale sale) {
        // All at once: defining 1,000 events one round trip after the other would take seconds.
        List<CompletableFuture<Revision>> revisions = sale.events().stream()
                .map(event -> client.define(sale.definition(event))).toList();
        for (int i = 0; i < revisions.size(); i++) {
            Revision revision = revisions.get(i).join();
            if (!(revision instanceof Revision.Created)) {
                throw new IllegalStateException("event " + sale.events().get(i) + " was not created fresh ("
                        + revision.getClass().getSimpleName() + "): choose another --event-prefix");
            }
        }
    }

    @Override
    public Till till() {
        // One client serves every buyer: its group commit batches the requests that arrive together.
        return request -> {
            try {
                return answer((groupCommit ? client.reserve(request) : client.reserveAlone(request)).join());
            } catch (RuntimeException e) {
                return Answer.undecided(e.toString());
            }
        };
    }

    private static Answer answer(Decision decision) {
        if (decision instanceof Decision.Confirmed confirmed) {
            return Answer.confirmed(confirmed.replay());
        }
        if (decision instanceof Decision.Rejected rejected) {
            return Answer.rejected(rejected.replay());
        }
        return Answer.undecided(decision.toString());
    }

    @Override
    public Stock stock(Sale sale, long confirmedAsTold) {
        List<CompletableFuture<Optional<EventAvailability>>> reads = sale.events().stream()
                .map(client::availability).toList();
        Stock stock = Stock.from("the inventory, through the Java client");
        for (int i = 0; i < reads.size(); i++) {
            EventId event = sale.events().get(i);
            EventAvailability availability = reads.get(i).join()
                    .orElseThrow(() -> new IllegalStateException("event " + event + " has disappeared"));
            for (EventAvailability.CategoryAvailability category : availability.categories()) {
                stock = stock.plus(category.capacity(), category.confirmed(), category.available());
            }
        }
        return stock;
    }

    @Override
    public void close() {
        client.close();
    }
}
