package dev.booking.domain;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Every reservation of one event, by reservation id, in as little memory as a hash table allows.
 *
 * <p>An on-sale keeps one line per reservation for as long as the event exists, so a line is one
 * {@code byte[]}: the reservation id, the customer id (both ASCII by the identifier rule) and the
 * category, quantity and status packed into four bytes; about 50 bytes for typical ids, where a
 * {@code HashMap} of objects takes four times that. Open addressing with linear probing; lookups and
 * inserts cost O(1) (amortized: the table doubles when 60 % full). Lines are replaced, never removed.
 *
 * <p>The slot where a search starts is the id's hash fully mixed ({@link #home}). Reservation ids are
 * often sequential ({@code order-1041}, {@code order-1042}, ...), and their {@code String.hashCode}s
 * differ only in their low bits: taken nearly as they are, they filled long runs of neighbouring slots,
 * and a search walked such a run line by line, each a read of another array: with 64 buyers' sequential
 * ids, a new id's search read some 4 lines at 2 million lines and over 80 at 4 million, so that a
 * decision grew dearer as the event sold.
 *
 * <p>Beside each slot the table keeps its id's {@code String.hashCode} ({@code hashes}, 4 bytes a slot,
 * some 7–13 bytes a line). A search compares it before it reads a line, and a share of the ledger
 * ({@link #forEachOfShare}) is picked from it alone: a share's read reads only its own lines, not
 * every line of the ledger (3.2 million lines took some 0.6–0.8 s per share that way, holding the
 * event's partition thread, 64 times over for one repair).
 */
final class Ledger {
    /** A ledger line, unpacked. {@code category} indexes the inventory's table of category ids. */
    record Line(int category, String customer, int quantity, Status status, RejectionReason reason) {
    }

    private static final Status[] STATUSES = Status.values();
    private static final RejectionReason[] REASONS = RejectionReason.values();
    private byte[][] slots = new byte[16][];
    /** The {@code String.hashCode} of the id in the same slot (0 where the slot is empty). */
    private int[] hashes = new int[16];
    private int size;

    int size() {
        return size;
    }

    Line find(String id) {
        byte[] line = slots[indexOf(id)];
        return line == null ? null : unpack(line);
    }

    void put(String id, Line line) {
        int index = indexOf(id);
        if (slots[index] == null) {
            size++;
        }
        slots[index] = pack(id, line);
        hashes[index] = id.hashCode();
        if (size * 10 > slots.length * 6) {
            grow();
        }
    }

    void forEach(BiConsumer<String, Line> action) {
        forEachOfShare(0, 1, action);
    }

    /**
     * Visits the lines of one share of the ledger: the shares split it by a hash of the reservation id,
     * so every line belongs to exactly one share whatever the table's size, and the lines of all shares,
     * visited one share at a time while reservations are added, are at least every line that existed
     * before the first visit.
     */
    void forEachOfShare(int share, int shares, BiConsumer<String, Line> action) {
        for (int index = 0; index < slots.length; index++) {
            if ((shares == 1 || Math.floorMod(shareHash(hashes[index]), shares) == share) && slots[index] != null) {
                byte[] line = slots[index];
                action.accept(new String(line, 1, line[0], StandardCharsets.US_ASCII), unpack(line));
            }
        }
    }

    /** The slot holding this id, or the empty slot where it belongs. */
    private int indexOf(String id) {
        int mask = slots.length - 1;
        int hash = id.hashCode();
        int index = home(hash, mask);
        while (slots[index] != null && (hashes[index] != hash || !holds(slots[index], id))) {
            index = (index + 1) & mask;
        }
        return index;
    }

    private void grow() {
        byte[][] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new byte[oldSlots.length * 2][];
        hashes = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int old = 0; old < oldSlots.length; old++) {
            if (oldSlots[old] != null) {
                int index = home(oldHashes[old], mask);
                while (slots[index] != null) {
                    index = (index + 1) & mask;
                }
                slots[index] = oldSlots[old];
                hashes[index] = oldHashes[old];
            }
        }
    }

    private static boolean holds(byte[] line, String id) {
        if (line[0] != id.length()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (line[1 + i] != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The slot a search for an id with this hash starts at: the hash mixed (MurmurHash3's finalizer), then masked. */
    private static int home(int hash, int mask) {
        int mixed = (hash ^ (hash >>> 16)) * 0x85ebca6b;
        mixed = (mixed ^ (mixed >>> 13)) * 0xc2b2ae35;
        return (mixed ^ (mixed >>> 16)) & mask;
    }

    /**
     * What splits the ledger into shares. Not {@link #home}: the shares of one repair may be read on
     * members of different builds (the event's owner can change between two reads), which must split alike.
     */
    private static int shareHash(int hash) {
        return hash ^ (hash >>> 16);
    }

    /**
     * How many slots past its home a line sits, on average: the extra lines a search for it reads. About
     * 1 or less at any size when the hash spreads; for tests.
     */
    double meanDisplacement() {
        int mask = slots.length - 1;
        long displaced = 0;
        for (int index = 0; index < slots.length; index++) {
            if (slots[index] != null) {
                displaced += (index - home(hashes[index], mask)) & mask;
            }
        }
        return size == 0 ? 0 : displaced / (double) size;
    }

    // Layout: [id length][id][customer length][customer][category][quantity: 2 bytes][status << 4 | reason]
    private static byte[] pack(String id, Line line) {
        int idLength = id.length();
        int customerLength = line.customer().length();
        byte[] packed = new byte[1 + idLength + 1 + customerLength + 4];
        packed[0] = (byte) idLength;
        ascii(id, packed, 1);
        int at = 1 + idLength;
        packed[at++] = (byte) customerLength;
        ascii(line.customer(), packed, at);
        at += customerLength;
        packed[at++] = (byte) line.category();
        packed[at++] = (byte) (line.quantity() >>> 8);
        packed[at++] = (byte) line.quantity();
        packed[at] = (byte) (line.status().ordinal() << 4 | (line.reason() == null ? 15 : line.reason().ordinal()));
        return packed;
    }

    private static void ascii(String text, byte[] into, int at) {
        for (int i = 0; i < text.length(); i++) {
            into[at + i] = (byte) text.charAt(i);
        }
    }

    private static Line unpack(byte[] line) {
        int at = 1 + line[0];
        int customerLength = line[at++];
        String customer = new String(line, at, customerLength, StandardCharsets.US_ASCII);
        at += customerLength;
        int category = line[at++] & 0xFF;
        int quantity = (line[at++] & 0xFF) << 8 | (line[at++] & 0xFF);
        int statusAndReason = line[at] & 0xFF;
        int reason = statusAndReason & 15;
        return new Line(category, customer, quantity, STATUSES[statusAndReason >>> 4], reason == 15 ? null : REASONS[reason]);
    }
}
