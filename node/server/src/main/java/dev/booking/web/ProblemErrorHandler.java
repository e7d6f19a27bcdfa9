package dev.booking.web;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The answers Jetty gives by itself (a request it cannot parse, a connection that broke mid-request) as
 * problem details in JSON, like every answer of our own, instead of Jetty's HTML pages. A request whose
 * connection broke (typically while its node stops) is answered 503 {@code unavailable}: retrying with the
 * same reservation id is safe.
 */
final class ProblemErrorHandler extends ErrorHandler {
    /** Jetty's reason for a request line it reads as HTTP/0.9, which it does not serve. */
    private static final String HTTP_0_9 = "HTTP/0.9 not supported";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        Problem problem = problemFor(code, message, cause);
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Respond.PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(Json.write(problem).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** Every method gets its problem as a body; Jetty's own handler writes one only for GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** Errors Jetty answers before there is a request to dispatch (a malformed request line or header). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Respond.PROBLEM_JSON));
        return ByteBuffer.wrap(Json.write(problemFor(status, reason, null)).getBytes(StandardCharsets.UTF_8));
    }

    static Problem problemFor(int code, String message, Throwable cause) {
        if (code >= 500 && cause instanceof IOException) {
            return Respond.problemFor(cause); // a broken connection (Jetty's EofException is one): 503, retry
        }
        if (code == 505 && HTTP_0_9.equals(message)) {
            // What Jetty reads as HTTP/0.9 is a request line without a version, most often one without a path
            // ("GET HTTP/1.1"): the client's mistake, so a 4xx, not a server's 505.
            return Problem.of(400, Problem.errorOf(400),
                    "the request line must be a method, a path and a version, as in GET /events HTTP/1.1");
        }
        String detail = message == null || message.isBlank() ? "the request could not be handled" : message;
        return Problem.of(code, Problem.errorOf(code), detail);
    }
}
