package dev.booking.web;

/** Ends a request with a problem response; thrown by the edge before anything is changed. */
public final class ProblemException extends RuntimeException {
    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException badRequest(String error, String detail, String field) {
        return new ProblemException(Problem.of(400, error, detail, field));
    }

    public static ProblemException notFound(String error, String detail) {
        return new ProblemException(Problem.of(404, error, detail));
    }

    public Problem problem() {
        return problem;
    }
}
