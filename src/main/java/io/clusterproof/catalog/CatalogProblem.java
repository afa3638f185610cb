package io.clusterproof.catalog;

/** One thing wrong with a catalog file, located by file and line (0 when the file as a whole is meant). */
public record CatalogProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
