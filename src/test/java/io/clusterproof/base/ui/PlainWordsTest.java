package io.clusterproof.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.QueryParameters;
import io.clusterproof.access.Role;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.remediation.ItemFilter;
import io.clusterproof.remediation.ItemStatus;
import io.clusterproof.remediation.RemediationService;
import io.clusterproof.remediation.WaiverRequest;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.KaribuTest;
import io.clusterproof.support.UiTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * Every page speaks words: no constant names ({@code IN_PROGRESS}, {@code USER_CREATED}) and no ISO
 * durations ({@code P365D}) in anything a user reads. Object YAML is data and is left out.
 */
class PlainWordsTest extends KaribuTest {

    static final Pattern CONSTANT = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)+\\b");
    static final Pattern DURATION = Pattern.compile("\\bP\\d+D\\b");
    private static final List<String> PROPERTIES =
            List.of("label", "placeholder", "helperText", "errorMessage", "title", "text", "headerTitle");

    private static final Path DEMO = Path.of("src/main/resources/demo/cluster");

    private static ClusterSummary cluster;
    private static Set<String> clusterNames;
    private static long snapshot;
    private static long item;
    private static Map<String, String> failing;

    @Autowired
    TestClusters clusters;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    RemediationService remediation;

    @Autowired
    WaiverService waivers;

    @Autowired
    Clock clock;

    @BeforeEach
    void collectTheDemoAndWorkOnIt() {
        if (cluster == null) {
            clusterNames = namesInTheManifests();
            cluster = clusters.manifests("plain-words", DEMO);
            snapshot = clusters.collect(cluster).snapshotId();
            var assessment = clusters.latestAssessment(snapshot);
            var finding = assessments
                    .findings(
                            assessment,
                            FindingFilter.all()
                                    .withChecks(List.of("privileged-container"))
                                    .withStatuses(EnumSet.of(FindingStatus.FAIL)),
                            0,
                            1)
                    .get(0);
            failing = Map.of(
                    "cluster", String.valueOf(cluster.id()),
                    "check", finding.checkId(),
                    "rgroup", finding.resource().group(),
                    "rkind", finding.resource().kind(),
                    "rns", String.valueOf(finding.resource().namespace()),
                    "rname", finding.resource().name());
            await().atMost(Duration.ofSeconds(30)).until(() -> !openItems().isEmpty());
            item = openItems().get(0).id();
            AsAdmin.admin(() -> remediation.start(item));
            AsAdmin.admin(() -> waivers.request(new WaiverRequest(
                    "privileged-container",
                    cluster.id(),
                    "payments",
                    null,
                    null,
                    "The vendor agent needs privileges until its next release.",
                    "https://tickets.example.com/SEC-42",
                    clock.instant().plus(Duration.ofDays(30)))));
        }
        signInAs(Role.ADMIN);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "dashboard",
                "framework",
                "control",
                "finding",
                "resource",
                "clusters",
                "snapshots",
                "snapshot",
                "remediation",
                "item",
                "attestations",
                "waivers",
                "drift",
                "webhooks",
                "evidence",
                "audit",
                "users",
                "tokens"
            })
    void a_page_shows_no_constant_names_or_iso_durations(String page) {
        var c = String.valueOf(cluster.id());
        switch (page) {
            case "dashboard" -> navigate("", Map.of("cluster", c));
            case "framework" -> navigate("frameworks/pci-dss-4.0", Map.of("cluster", c));
            case "control" -> navigate("control", Map.of("cluster", c, "framework", "pci-dss-4.0", "ref", "2.2.1"));
            case "finding" -> navigate("finding", failing);
            case "resource" -> navigate("resource", failing);
            case "clusters" -> navigate("clusters", Map.of());
            case "snapshots" -> navigate("clusters/" + c + "/snapshots", Map.of());
            case "snapshot" -> navigate("snapshots/" + snapshot, Map.of());
            case "remediation" -> navigate("remediation", Map.of("cluster", c));
            case "item" -> navigate("remediation/" + item, Map.of());
            case "attestations" -> navigate("attestations", Map.of());
            case "waivers" -> navigate("waivers", Map.of("report", "ALL"));
            case "drift" -> navigate("drift", Map.of("cluster", c));
            case "webhooks" -> navigate("admin/webhooks", Map.of());
            case "evidence" -> navigate("evidence", Map.of());
            case "audit" -> navigate("audit", Map.of());
            case "users" -> navigate("admin/users", Map.of());
            case "tokens" -> navigate("admin/tokens", Map.of());
            default -> throw new IllegalArgumentException(page);
        }

        var texts = texts(UI.getCurrent());
        assertThat(texts).as("texts of %s", page).isNotEmpty();
        assertThat(texts.stream().filter(PlainWordsTest::speaksInConstants))
                .as("texts of %s", page)
                .isEmpty();
    }

    /**
     * A constant name of ours, or an ISO duration. Names the cluster itself carries (an environment
     * variable such as DB_PASSWORD quoted in a finding) are data, shown as they are.
     */
    private static boolean speaksInConstants(String text) {
        if (DURATION.matcher(text).find()) {
            return true;
        }
        var matcher = CONSTANT.matcher(text);
        while (matcher.find()) {
            if (!clusterNames.contains(matcher.group())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> namesInTheManifests() {
        try (var files = Files.walk(DEMO)) {
            var names = new HashSet<String>();
            for (var file : files.filter(Files::isRegularFile).toList()) {
                CONSTANT.matcher(Files.readString(file)).results().forEach(r -> names.add(r.group()));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a user reads: text nodes, labels and hints, grid headers and cells, notifications. */
    static List<String> texts(Component root) {
        var texts = new ArrayList<String>();
        UiTree.all(root).filter(c -> !insideYaml(c)).forEach(c -> {
            own(c.getElement(), texts);
            if (c instanceof Grid<?> grid) {
                grid.getColumns().forEach(column -> texts.add(String.valueOf(column.getHeaderText())));
                var columns = grid.getColumns().stream()
                        .filter(Grid.Column::isVisible)
                        .toList();
                for (int i = 0; i < Math.min(GridKt._size(grid), 200); i++) {
                    var row = GridKt._getFormattedRow(grid, i);
                    for (int k = 0; k < columns.size() && k < row.size(); k++) {
                        // rendered components are walked as components, with their own texts
                        if (!(columns.get(k).getRenderer() instanceof ComponentRenderer<?, ?>)) {
                            texts.add(row.get(k));
                        }
                    }
                }
            }
        });
        NotificationsKt.getNotifications().forEach(n -> UiTree.all(n).forEach(c -> own(c.getElement(), texts)));
        texts.removeIf(t -> t == null || t.isBlank() || t.equals("null"));
        return texts;
    }

    private static void own(Element element, List<String> texts) {
        element.getChildren().filter(Element::isTextNode).map(Element::getText).forEach(texts::add);
        for (var property : PROPERTIES) {
            texts.add(element.getProperty(property, ""));
            texts.add(element.getAttribute(property));
        }
    }

    private static boolean insideYaml(Component component) {
        return Stream.iterate(component, c -> c != null, c -> c.getParent().orElse(null))
                .anyMatch(YamlView.class::isInstance);
    }

    private List<io.clusterproof.remediation.ItemSummary> openItems() {
        return AsAdmin.admin(() -> remediation
                .page(
                        new ItemFilter(cluster.id(), null, EnumSet.of(ItemStatus.OPEN), null, false, null),
                        Pageable.ofSize(10))
                .getContent());
    }

    private static void navigate(String path, Map<String, String> query) {
        UI.getCurrent().navigate(path, QueryParameters.simple(new HashMap<>(query)));
        MockVaadin.clientRoundtrip();
    }
}
