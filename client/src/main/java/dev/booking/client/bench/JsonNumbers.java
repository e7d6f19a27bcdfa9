package dev.booking.client.bench;

/**
 * Reads a whole-number field out of a small JSON document the node wrote. Enough for the three numbers
 * of an event's one category; the bench has no JSON library so that its jar stays lean.
 */
final class JsonNumbers {
    private JsonNumbers() {
    }

    static long of(String json, String field) {
        Long value = optional(json, field);
        if (value == null) {
            throw new IllegalStateException("no number '" + field + "' in " + json);
        }
        return value;
    }

    /** The number, or null when the field is absent or null. */
    static Long optional(String json, String field) {
        String key = "\"" + field + "\":";
        int at = json.indexOf(key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        while (start < json.length() && json.charAt(start) == ' ') {
            start++;
        }
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return end == start ? null : Long.parseLong(json, start, end, 10);
    }
}
