package io.clusterproof.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the files of a catalog: the built-in one on the classpath (packaged from the
 * repository's {@code compliance-mappings/}) or a folder on disk.
 */
public final class CatalogFiles {

    static final String BUILT_IN = "compliance-mappings";

    private CatalogFiles() {}

    /** The built-in catalog, from the classpath. */
    public static List<CatalogFile> builtIn() {
        var resolver = new PathMatchingResourcePatternResolver(CatalogFiles.class.getClassLoader());
        try {
            var files = new ArrayList<CatalogFile>();
            var seen = new HashSet<String>();
            for (var resource : resolver.getResources("classpath*:" + BUILT_IN + "/**/*.yaml")) {
                var url = resource.getURL().toString();
                var relative = url.substring(url.lastIndexOf(BUILT_IN + "/") + BUILT_IN.length() + 1);
                // one directory can be reachable through two class path entries (e.g. a manifest Class-Path)
                if (!seen.add(relative)) {
                    continue;
                }
                try (var in = resource.getInputStream()) {
                    files.add(new CatalogFile(
                            BUILT_IN + "/" + relative,
                            relative,
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            files.sort(Comparator.comparing(CatalogFile::relative));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in catalog could not be read", e);
        }
    }

    /** A catalog folder on disk, laid out like {@code compliance-mappings/}. */
    public static List<CatalogFile> folder(Path root) {
        if (!Files.isDirectory(root)) {
            throw new InvalidCatalogException(List.of(new CatalogProblem(root.toString(), 0, "is not a directory")));
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .map(p -> new CatalogFile(
                            p.toString(), root.relativize(p).toString().replace('\\', '/'), read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("catalog folder " + root + " could not be read", e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path + " could not be read", e);
        }
    }
}
