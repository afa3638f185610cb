package io.clusterproof.evidence.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clusterproof.access.Role;
import io.clusterproof.base.BaseProperties;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.evidence.EvidenceSchedules;
import io.clusterproof.evidence.EvidenceService;
import io.clusterproof.snapshot.ClusterService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/**
 * Evidence exports: generate a pack, PDF or CSV now (with progress), the scheduled exports (only
 * administrators change them), and the evidence locker with downloads and digests.
 */
@Route("evidence")
@PageTitle("Evidence")
@Menu(order = 40, icon = "vaadin:file-text-o", title = "Evidence")
@RolesAllowed({Role.AUDITOR_NAME, Role.OFFICER_NAME, Role.ADMIN_NAME})
public class EvidenceView extends VerticalLayout {

    EvidenceView(
            EvidenceService evidence,
            EvidenceSchedules schedules,
            ClusterService clusters,
            Catalog catalog,
            TimeFormatter time,
            BaseProperties base,
            AuthenticationContext authentication,
            Clock clock) {
        var admin = authentication.hasRole(Role.ADMIN_NAME);
        var locker = new LockerGrid(evidence, catalog, time);
        var intro = new Paragraph("An evidence pack is a ZIP of the PDF report, the findings CSV, the control matrix "
                + "CSV, a manifest with every file's SHA-256 and SHA256SUMS. Packs are kept unchanged in the evidence "
                + "locker until their retention ends.");
        intro.addClassName("cp-muted");
        add(
                intro,
                new H3("Generate now"),
                new GeneratePanel(evidence, clusters, catalog, base, clock, locker::refresh),
                new H3("Evidence locker"),
                locker,
                new H3("Scheduled exports"),
                new SchedulesPanel(schedules, clusters, catalog, time, admin));
    }
}
