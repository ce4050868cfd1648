package org.ztfclass.votables.input;

/**
 * Thrown where input cannot be used at all. Carries the {@link InputProblem} that says where
 * and why, so callers can report it or collect it with others.
 */
public class BadInputException extends Exception {

    private final InputProblem problem;

    public BadInputException(InputProblem problem) {
        this(problem, null);
    }

    public BadInputException(InputProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
    }

    public BadInputException(String source, String location, String reason) {
        this(new InputProblem(source, location, reason));
    }

    public BadInputException(String source, String location, String reason, Throwable cause) {
        this(new InputProblem(source, location, reason), cause);
    }

    /** @return where and why */
    public InputProblem problem() {
        return problem;
    }
}
