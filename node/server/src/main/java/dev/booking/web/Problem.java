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

    /**
     * The code of a refusal that the HTTP layer makes by its status alone (Jetty, Javalin, or a request
     * that cannot be read), the same wherever it is answered.
     */
    public static String errorOf(int status) {
        return switch (status) {
            case 400 -> "malformed_request";
            case 404 -> "route_not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "body_too_large";
            case 503 -> "unavailable";
            case 505 -> "http_version_not_supported";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
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
