package io.clusterproof.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** The catalog has problems; every one of them is listed, so they can all be fixed in one go. */
public class InvalidCatalogException extends RuntimeException {

    private final transient List<CatalogProblem> problems;

    InvalidCatalogException(List<CatalogProblem> problems) {
        super("The compliance catalog is invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }
}
