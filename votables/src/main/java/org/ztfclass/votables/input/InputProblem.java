package org.ztfclass.votables.input;

/**
 * Why one piece of input was rejected, and where it was.
 *
 * @param source   the file (or stream) name
 * @param location where inside it: {@code row 12}, {@code packet 3}, {@code packet 3 field cutoutScience}, or
 *                 {@code file} when the whole input is unusable
 * @param reason   what was wrong, in words a user can act on
 */
public record InputProblem(String source, String location, String reason) {

    @Override
    public String toString() {
        return source + " [" + location + "]: " + reason;
    }
}
