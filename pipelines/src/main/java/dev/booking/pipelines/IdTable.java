package dev.booking.pipelines;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Numbers the ids of one kind (events, categories) that a {@link CustomerBucket}'s lines refer to, so
 * that a packed line holds a number instead of its own copy of the id. Numbers are given in order of
 * first use and never change.
 */
final class IdTable<T> {
    private final Function<T, String> value;
    private final List<T> ids = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>();

    IdTable(Function<T, String> value) {
        this.value = value;
    }

    int numberOf(T id) {
        String key = value.apply(id);
        Integer known = numbers.get(key);
        if (known != null) {
            return known;
        }
        numbers.put(key, ids.size());
        ids.add(id);
        return ids.size() - 1;
    }

    T id(int number) {
        return ids.get(number);
    }

    String value(int number) {
        return value.apply(ids.get(number));
    }
}
