package io.clusterproof.base;

/**
 * SQL over version rows, rows valid from one snapshot or assessment id to another ({@code
 * valid_from} up to and including {@code valid_to}; null while current). The rows valid in one id
 * and not in another are those that opened or closed between the two: written as ranges of
 * {@code valid_from} or {@code valid_to}, an index on either reads those rows alone, not every
 * row of a year of history valid in the first id.
 */
public final class VersionRanges {

    private VersionRanges() {}

    /**
     * The condition on the rows of {@code alias} valid in the id named {@code :in} and not in the
     * one named {@code :out}; {@code inFirst} says whether that id is the lower. Equal ids give no row.
     */
    public static String validInNotIn(String alias, String in, String out, boolean inFirst) {
        return inFirst
                // closed before :out, and already open in :in
                ? "%1$s.valid_to >= :%2$s and %1$s.valid_to < :%3$s and %1$s.valid_from <= :%2$s"
                        .formatted(alias, in, out)
                // opened after :out, and still open in :in
                : "%1$s.valid_from > :%3$s and %1$s.valid_from <= :%2$s and (%1$s.valid_to is null or %1$s.valid_to >= :%2$s)"
                        .formatted(alias, in, out);
    }
}
