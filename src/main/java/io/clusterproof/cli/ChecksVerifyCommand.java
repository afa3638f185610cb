package io.clusterproof.cli;

import io.clusterproof.catalog.CatalogFile;
import io.clusterproof.catalog.CatalogFiles;
import io.clusterproof.catalog.InvalidCatalogException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code checks verify}: runs every fixture of the built-in catalog and of each {@code --catalog DIR}
 * with the judge of the test suite. Exit 1 when a fixture fails or a catalog folder is invalid.
 */
final class ChecksVerifyCommand {

    private final CatalogCommandOptions options;
    private final PrintStream out;
    private final PrintStream err;

    ChecksVerifyCommand(List<String> args, PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.options = CatalogCommandOptions.parse("checks verify", args, Set.of("--catalog"));
    }

    int run() {
        List<CheckFixtures.Verdict> verdicts;
        try {
            // the whole catalog first, frameworks included, validated as at application start
            options.load();
            var sources = new ArrayList<List<CatalogFile>>();
            sources.add(CatalogFiles.builtIn());
            options.catalogs().forEach(path -> sources.add(CatalogFiles.folder(path)));
            verdicts = CheckFixtures.judge(sources);
        } catch (InvalidCatalogException | UncheckedIOException e) {
            err.println("clusterproof: " + e.getMessage());
            err.println("clusterproof: checks verify failed: the catalog could not be loaded");
            return 1;
        }
        var failed = verdicts.stream().filter(v -> !v.passed()).toList();
        for (var verdict : failed) {
            out.println("FAIL " + verdict.file() + ": " + verdict.failure());
        }
        var checks =
                verdicts.stream().map(CheckFixtures.Verdict::checkId).distinct().count();
        out.println(verdicts.size() + " fixtures of " + checks + " checks: " + (verdicts.size() - failed.size())
                + " passed, " + failed.size() + " failed");
        return failed.isEmpty() ? 0 : 1;
    }
}
