package dev.booking.domain;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifiersTest {
    private static final Pattern SHAPE = Pattern.compile(Identifiers.SHAPE);
    private static final String ALPHABET = "aZ09._:-/ é\u0000\n+A";

    @Test
    void acceptsExactlyWhatTheDocumentedShapeAccepts() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(70);
            for (int c = 0; c < length; c++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String value = id.toString();
            assertEquals(SHAPE.matcher(value).matches(), Identifiers.hasShape(value), () -> "'" + value + "'");
        }
    }

    @Test
    void edges() {
        assertTrue(Identifiers.hasShape("a"));
        assertTrue(Identifiers.hasShape("9" + "-".repeat(63)));
        assertFalse(Identifiers.hasShape("a".repeat(65)));
        assertFalse(Identifiers.hasShape(""));
        assertFalse(Identifiers.hasShape("-a"));
        assertFalse(Identifiers.hasShape("a b"));
        InvalidInput refused = assertThrows(InvalidInput.class, () -> Identifiers.require("eventId", "a/b"));
        assertTrue(refused.getMessage().contains("eventId"), refused.getMessage());
        assertThrows(InvalidInput.class, () -> Identifiers.require("eventId", null));
    }
}
