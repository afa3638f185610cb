package io.clusterproof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;

/**
 * Each module's SQL stays on its own tables: a table belongs to the module its Flyway migration is
 * named after ({@code V3__snapshot.sql} creates the snapshot module's tables), and the SQL in a
 * module's classes names no other module's table. Another module's data is read through that
 * module's public services, so its storage can change without breaking a reader it does not know.
 */
class TableOwnershipTests {

    /** Tables of the frameworks underneath (ShedLock, Spring Modulith's event registry), no module's. */
    private static final String PLATFORM = "platform";

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern MIGRATION = Pattern.compile("V\\d+__([a-z]+)[a-z0-9_]*\\.sql");
    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern SQL = Pattern.compile("\\b(select|insert into|update|delete from|merge into)\\b");
    private static final Pattern TABLE_REFERENCE =
            Pattern.compile("\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)");

    private final Path classes = classes();

    @Test
    void every_migration_creates_tables_of_one_module_by_name() throws IOException {
        var owners = owners();

        assertThat(owners)
                .containsEntry("resource_state", "snapshot")
                .containsEntry("finding_state", "assessment")
                .containsEntry("waiver", "remediation")
                .containsEntry("drift_baseline", "drift")
                .containsEntry("evidence_pack", "evidence")
                .containsEntry("audit_entry", "access");
        assertThat(Set.copyOf(owners.values()))
                .allSatisfy(module -> assertThat(module.equals(PLATFORM) || isModule(module))
                        .as("migrations are named after the module that owns their tables; %s is none", module)
                        .isTrue());
    }

    @Test
    void a_module_s_sql_names_only_its_own_tables() throws IOException {
        var owners = owners();
        var violations = new ArrayList<String>();
        var ownReferences = new TreeMap<String, Integer>();
        for (var type : classFiles()) {
            var module = moduleOf(type);
            if (module == null) {
                continue;
            }
            for (var table : tablesNamedIn(sqlOf(type))) {
                var owner = owners.get(table);
                if (owner == null || owner.equals(PLATFORM)) {
                    continue;
                }
                if (owner.equals(module)) {
                    ownReferences.merge(module, 1, Integer::sum);
                } else {
                    violations.add("%s names %s's table %s".formatted(classes.relativize(type), owner, table));
                }
            }
        }

        // the scan sees SQL at all: every module that stores data reads its own tables
        assertThat(ownReferences).containsKeys("snapshot", "assessment", "drift", "evidence", "remediation");
        assertThat(violations)
                .as("read another module's data through its public services, not its tables")
                .isEmpty();
    }

    @Test
    void the_scan_finds_a_table_named_in_sql_and_not_in_prose() {
        assertThat(tablesNamedIn(List.of("select max(id) from assessment where snapshot_id = ? and lineage = 0")))
                .containsExactly("assessment");
        assertThat(tablesNamedIn(List.of("select rs.digest from resource_state rs join resource_body rb on x")))
                .containsExactly("resource_body", "resource_state");
        assertThat(tablesNamedIn(List.of("waiver #\u0001 covers it from assessment #\u0001")))
                .isEmpty();
    }

    private static Set<String> tablesNamedIn(List<String> strings) {
        var tables = new TreeSet<String>();
        for (var string : strings) {
            if (!SQL.matcher(string).find()) {
                continue;
            }
            var matcher = TABLE_REFERENCE.matcher(string);
            while (matcher.find()) {
                tables.add(matcher.group(1));
            }
        }
        return tables;
    }

    /** Table name to the module whose migration creates it. */
    private static Map<String, String> owners() throws IOException {
        var owners = new TreeMap<String, String>();
        try (var files = Files.list(MIGRATIONS)) {
            for (var file : files.sorted().toList()) {
                var name = MIGRATION.matcher(file.getFileName().toString());
                assertThat(name.matches())
                        .as("%s is named V<n>__<module>[_what].sql", file.getFileName())
                        .isTrue();
                var create = CREATE_TABLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (create.find()) {
                    owners.put(create.group(1).toLowerCase(Locale.ROOT), name.group(1));
                }
            }
        }
        return owners;
    }

    private boolean isModule(String module) {
        return Files.isDirectory(classes.resolve("io/clusterproof").resolve(module));
    }

    private @Nullable String moduleOf(Path type) {
        var relative = classes.resolve("io/clusterproof").relativize(type);
        return relative.getNameCount() < 2 ? null : relative.getName(0).toString();
    }

    private List<Path> classFiles() throws IOException {
        try (Stream<Path> files = Files.walk(classes.resolve("io/clusterproof"))) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
    }

    /**
     * The string constants of a compiled class: constant fields, loaded literals, and the literal
     * parts of concatenations (javac folds constant concatenations into one literal and keeps the
     * rest as the recipe of an invokedynamic).
     */
    private static List<String> sqlOf(Path type) {
        var strings = new ArrayList<String>();
        try {
            new ClassReader(Files.readAllBytes(type))
                    .accept(
                            new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
                                @Override
                                public FieldVisitor visitField(
                                        int access, String name, String descriptor, String signature, Object value) {
                                    if (value instanceof String string) {
                                        strings.add(string);
                                    }
                                    return null;
                                }

                                @Override
                                public MethodVisitor visitMethod(
                                        int access,
                                        String name,
                                        String descriptor,
                                        String signature,
                                        String[] exceptions) {
                                    return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
                                        @Override
                                        public void visitLdcInsn(Object value) {
                                            if (value instanceof String string) {
                                                strings.add(string);
                                            }
                                        }

                                        @Override
                                        public void visitInvokeDynamicInsn(
                                                String name, String descriptor, Handle bootstrap, Object... arguments) {
                                            for (var argument : arguments) {
                                                if (argument instanceof String string) {
                                                    strings.add(string);
                                                }
                                            }
                                        }
                                    };
                                }
                            },
                            ClassReader.SKIP_DEBUG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return strings;
    }

    private static Path classes() {
        try {
            return Path.of(ClusterProofApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
