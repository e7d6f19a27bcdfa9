package dev.booking.domain;

/** Input that breaks a rule of the domain's vocabulary, naming the field at fault. Nothing was changed. */
public final class InvalidInput extends IllegalArgumentException {
    private final String field;

    public InvalidInput(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
