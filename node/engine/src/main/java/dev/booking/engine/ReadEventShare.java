package dev.booking.engine;

import dev.booking.domain.Change;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;

import java.util.ArrayList;
import java.util.List;

/**
 * One share of an event's truth as a change: the reservations of that share of the ledger (split by
 * reservation id) and the counts, at the current sequence. Reading a big ledger share by share holds the
 * event's partition thread for one share at a time, so its decisions go on in between (a whole ledger
 * of a million reservations held it for about a second).
 */
public final class ReadEventShare extends InventoryRead<Change> {
    private final int share;
    private final int shares;

    public ReadEventShare(int share, int shares) {
        if (shares < 1 || share < 0 || share >= shares) {
            throw new IllegalArgumentException("share " + share + " of " + shares);
        }
        this.share = share;
        this.shares = shares;
    }

    int share() {
        return share;
    }

    int shares() {
        return shares;
    }

    @Override
    Change read(Inventory inventory) {
        return read(inventory, share, shares);
    }

    /** The change holding one share of the inventory's reservations ({@link ReadWholeEvent}: the one share of one). */
    static Change read(Inventory inventory, int share, int shares) {
        List<Reservation> reservations = new ArrayList<>(inventory.reservationCount() / shares + 16);
        inventory.forEachReservationOfShare(share, shares, reservations::add);
        return inventory.change(reservations);
    }
}
