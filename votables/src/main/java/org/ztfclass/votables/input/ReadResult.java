package org.ztfclass.votables.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a reader got from one input: the good records, in input order, and a problem for each
 * record (or the whole input) it had to reject. A bad record never hides the good ones.
 *
 * <p>Instances are built by one reader on one thread, then handed on and only read.
 *
 * @param <T> the record type
 */
public final class ReadResult<T> {

    private final String source;
    private final List<T> records = new ArrayList<>();
    private final List<InputProblem> problems = new ArrayList<>();

    public ReadResult(String source) {
        this.source = source;
    }

    /** @return the name of the input */
    public String source() {
        return source;
    }

    /** Adds a good record. */
    public void accept(T record) {
        records.add(record);
    }

    /** Records that the piece of input at {@code location} was rejected for {@code reason}. */
    public void reject(String location, String reason) {
        problems.add(new InputProblem(source, location, reason));
    }

    /** Records a problem found elsewhere (for example by a decoder). */
    public void reject(InputProblem problem) {
        problems.add(problem);
    }

    /** @return the good records, unmodifiable */
    public List<T> records() {
        return Collections.unmodifiableList(records);
    }

    /** @return the rejects, unmodifiable; empty when all went well */
    public List<InputProblem> problems() {
        return Collections.unmodifiableList(problems);
    }
}
