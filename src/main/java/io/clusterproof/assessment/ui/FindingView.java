package io.clusterproof.assessment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.assessment.RemediationLinks;
import io.clusterproof.assessment.StoredFinding;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.ui.MarkdownText;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.base.ui.YamlView;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.CompiledCheck;
import io.clusterproof.snapshot.SnapshotReader;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One finding: what is wrong, how to fix it, the references, when it was first and last seen, the
 * remediation item that tracks it, and the resource's redacted YAML with the inspected fields
 * highlighted.
 */
@Route("finding")
@PageTitle("Finding")
@PermitAll
public class FindingView extends VerticalLayout implements BeforeEnterObserver {

    private final PostureLookup lookup;
    private final AssessmentQueries assessments;
    private final SnapshotReader snapshots;
    private final Catalog catalog;
    private final TimeFormatter time;
    private final ObjectProvider<RemediationLinks> remediation;

    FindingView(
            PostureLookup lookup,
            AssessmentQueries assessments,
            SnapshotReader snapshots,
            Catalog catalog,
            TimeFormatter time,
            ObjectProvider<RemediationLinks> remediation) {
        this.lookup = lookup;
        this.assessments = assessments;
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.time = time;
        this.remediation = remediation;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var url = UrlState.of(event);
        var state = PostureState.from(url);
        var ref = FindingRef.from(url).orElse(null);
        var resolved = lookup.resolve(state, true);
        var assessment = resolved.assessment();
        var check = ref == null ? null : catalog.check(ref.checkId()).orElse(null);
        var finding = assessment == null || ref == null
                ? null
                : assessments
                        .finding(assessment.id(), ref.checkId(), ref.resource())
                        .orElse(null);
        if (assessment == null || finding == null || check == null) {
            add(
                    new H2("Finding not found"),
                    new Paragraph("This assessment has no such finding. It may belong to another "
                            + "snapshot: pick the snapshot in the posture views and follow the link again."));
            return;
        }
        add(
                createHeader(state, check, finding),
                createFacts(assessment, check, finding),
                createGuidance(check),
                createYaml(assessment, finding));
    }

    private Component createHeader(PostureState state, CompiledCheck check, StoredFinding finding) {
        var title = new H2(check.definition().title());
        var badges = new HorizontalLayout(StatusBadges.of(finding.status()), StatusBadges.of(finding.severity()));
        badges.setId("finding-badges");
        var resource = new RouterLink(finding.resource().display(), ResourceView.class);
        resource.setQueryParameters(
                new FindingRef("", finding.resource()).write(state.toUrl()).toQueryParameters());
        resource.setId("finding-resource");
        var message = new Paragraph(finding.message());
        message.setId("finding-message");
        var header = new VerticalLayout(title, badges, resource, message);
        header.setPadding(false);
        return header;
    }

    private Component createFacts(AssessmentSummary assessment, CompiledCheck check, StoredFinding finding) {
        var facts = new Div();
        facts.setId("finding-facts");
        facts.addClassName("cp-card");
        facts.add(fact("First seen with this result", time.dateTime(finding.firstSeenAt())));
        facts.add(fact("Last seen", time.dateTime(finding.lastSeenAt())));
        facts.add(fact(
                "Assessment",
                "#" + assessment.id() + " of the snapshot taken " + time.dateTime(assessment.snapshotTakenAt())
                        + " · catalog " + assessment.catalogDigest().substring(0, 12)));
        // only frameworks whose scope contains the resource: a finding in a non-CDE namespace is no PCI evidence
        var controls = new ArrayList<String>();
        catalog.controlsOf(check.id()).forEach((framework, refs) -> {
            if (finding.frameworks().contains(framework)) {
                controls.add(catalog.framework(framework).map(f -> f.name()).orElse(framework) + " "
                        + String.join(", ", refs));
            }
        });
        facts.add(fact(
                "Evidence for",
                controls.isEmpty()
                        ? "no control of a framework whose scope includes this resource"
                        : String.join(" · ", controls)));
        var link = remediation.getIfAvailable() == null
                ? null
                : remediation
                        .getIfAvailable()
                        .forFinding(assessment.clusterId(), check.id(), finding.resource())
                        .orElse(null);
        var item = new Div(new Span("Remediation item: "));
        item.setId("finding-remediation");
        if (link == null) {
            item.add(new Span(finding.status().name().equals("FAIL") ? "none yet" : "—"));
        } else {
            item.add(new Anchor(link.path(), link.label()));
        }
        facts.add(item);
        if (finding.waiverId() != null) {
            facts.add(fact("Waived by", "waiver #" + finding.waiverId()));
        }
        return facts;
    }

    private Component createGuidance(CompiledCheck check) {
        var definition = check.definition();
        var guidance = new VerticalLayout();
        guidance.setPadding(false);
        guidance.add(new H3("Why it matters"), new MarkdownText(definition.rationale()));
        var remediationText = new MarkdownText(definition.remediation());
        remediationText.setId("finding-remediation-text");
        guidance.add(new H3("How to fix it"), remediationText);
        var refs = definition.references();
        var lines = new ArrayList<String>();
        if (!refs.kubescapeIds().isEmpty()) {
            lines.add("Kubescape " + String.join(", ", refs.kubescapeIds()));
        }
        if (!refs.cisSections().isEmpty()) {
            lines.add("CIS Kubernetes Benchmark " + String.join(", ", refs.cisSections()));
        }
        if (refs.pss() != null) {
            lines.add("Pod Security Standards: " + refs.pss());
        }
        if (!refs.nistSections().isEmpty()) {
            lines.add("NIST SP 800-190 " + String.join(", ", refs.nistSections()));
        }
        var references = new Paragraph(lines.isEmpty() ? "—" : String.join(" · ", lines));
        references.setId("finding-references");
        guidance.add(new H3("References"), references);
        return guidance;
    }

    private Component createYaml(AssessmentSummary assessment, StoredFinding finding) {
        var section = new VerticalLayout();
        section.setPadding(false);
        section.add(new H3("The resource as collected (redacted)"));
        var paths = new Span("Fields: " + (finding.paths().isEmpty() ? "—" : String.join(", ", finding.paths())));
        paths.addClassName("cp-formula");
        paths.setId("finding-paths");
        section.add(paths);
        var object =
                snapshots.object(assessment.snapshotId(), finding.resource()).orElse(null);
        if (object == null) {
            section.add(new Paragraph(
                    finding.resource().name().equals("(not collected)")
                            ? "This kind could not be collected, so there is no object to show."
                            : "The object is not part of this snapshot."));
        } else {
            var yaml = new YamlView(object.body(), finding.paths());
            yaml.setId("finding-yaml");
            section.add(yaml);
        }
        return section;
    }

    private static Component fact(String name, String value) {
        var label = new Span(name + ":");
        label.getStyle().set("margin-right", "var(--lumo-space-xs)");
        label.addClassName("cp-muted");
        var line = new HorizontalLayout(label, new Span(value));
        line.setSpacing(false);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        return line;
    }
}
