package io.clusterproof.cli;

import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.CatalogFile;
import io.clusterproof.catalog.CatalogFiles;
import io.clusterproof.catalog.CatalogLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The built-in catalog plus any {@code --catalog DIR} folders, validated as at application start. */
final class CatalogOption {

    static final int MAX_ITERATIONS = 200_000;

    private CatalogOption() {}

    static Catalog load(List<Path> extra) {
        var sources = new ArrayList<List<CatalogFile>>();
        sources.add(CatalogFiles.builtIn());
        extra.forEach(path -> sources.add(CatalogFiles.folder(path)));
        return CatalogLoader.load(sources, MAX_ITERATIONS);
    }
}
