package dev.booking.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code error} is the stable, machine-readable code clients switch on;
 * {@code field} names the input at fault when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String error, String field) {

    public static Problem of(int status, String error, String detail) {
        return of(status, error, detail, null);
    }

    public static Problem of(int status, String error, String detail, String field) {
        return new Problem("https://booking.dev/problems/" + error.replace('_', '-'), title(status), status, detail,
                error, field);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
