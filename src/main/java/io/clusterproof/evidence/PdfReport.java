package io.clusterproof.evidence;

import com.lowagie.text.Document;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.catalog.Catalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The PDF evidence report for some clusters, one framework and a period: cover, executive
 * summary, scope, controls, failing findings, waivers and attestations, drift, methodology, and
 * appendices for finding lists too long to read inline. Written straight to the stream.
 */
final class PdfReport {

    static final float SIDE_MARGIN = 40;

    private final AssessmentQueries assessments;
    private final Catalog catalog;
    private final int inlineFindings;
    private final int pageSize;

    /**
     * @param inlineFindings a cluster with more findings than this in a list gets a summary in the
     *     section and the full list in an appendix
     */
    PdfReport(AssessmentQueries assessments, Catalog catalog, int inlineFindings, int pageSize) {
        this.assessments = assessments;
        this.catalog = catalog;
        this.inlineFindings = inlineFindings;
        this.pageSize = pageSize;
    }

    void write(
            ReportScope scope,
            ReportExtras extras,
            String generatedBy,
            Instant generatedAt,
            OutputStream out,
            Progress progress) {
        var fonts = PdfFonts.create();
        var cells = new PdfCells(fonts);
        var document = new Document(PageSize.A4, SIDE_MARGIN, SIDE_MARGIN, 44, 52);
        var writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        writer.setPageEvent(new PageFooter(
                fonts,
                "ClusterProof evidence report · " + scope.framework().name() + " · " + scope.from() + " to "
                        + scope.to()));
        document.addTitle("Evidence report: " + scope.framework().name() + ", " + scope.from() + " to " + scope.to());
        document.addAuthor(generatedBy);
        document.addCreator("ClusterProof");
        document.addSubject("Compliance evidence for "
                + String.join(
                        ", ",
                        scope.clusters().stream().map(ClusterEvidence::name).toList()));
        document.open();
        var findings = new PdfFindings(assessments, catalog, cells, pageSize, scope.zone());
        new PdfCover(assessments, cells, scope, extras).add(document, generatedBy, generatedAt);
        progress.report("Summary", 0.02);
        new PdfSummary(assessments, cells, scope, extras).add(document, this::chart);
        new PdfScope(assessments, cells, scope, extras).add(document);
        new PdfControls(assessments, cells, scope, extras).add(document);
        progress.report("Controls", 0.1);

        var appendixFailing = new ArrayList<ClusterEvidence>();
        var appendixWaived = new ArrayList<ClusterEvidence>();
        var listing = progress.slice(0.1, 0.9);
        document.newPage();
        document.add(cells.heading("4 Failing findings"));
        document.add(cells.text("Every finding with status FAIL in the framework's scope, with its evidence: the "
                + "message of the check and the fields it inspected. A check's remediation is given once, in the "
                + "summary per check."));
        var assessed = scope.assessed();
        for (int i = 0; i < assessed.size(); i++) {
            var cluster = assessed.get(i);
            var failing = findings.count(cluster, scope, FindingStatus.FAIL);
            document.add(cells.subheading(cluster.name() + ": " + failing + " failing findings"));
            if (failing == 0) {
                document.add(cells.text("No finding fails."));
                continue;
            }
            findings.byCheck(document, scope, cluster, FindingStatus.FAIL);
            if (failing > inlineFindings) {
                appendixFailing.add(cluster);
                document.add(cells.text("All " + failing + " failing findings of " + cluster.name()
                        + " are listed with their evidence in Appendix A."));
            } else {
                findings.list(
                        document,
                        cluster,
                        scope,
                        FindingStatus.FAIL,
                        extras.waiversById(cluster.cluster().id()),
                        listing.slice((double) i / assessed.size(), (double) (i + 1) / assessed.size()));
            }
        }
        new PdfWaivers(assessments, cells, scope, extras).add(document, findings, inlineFindings, appendixWaived);
        new PdfDrift(assessments, cells, scope, extras).add(document);
        new PdfMethodology(assessments, cells, scope, extras).add(document);
        appendix(
                document,
                cells,
                findings,
                scope,
                extras,
                appendixFailing,
                FindingStatus.FAIL,
                "Appendix A: failing findings",
                listing);
        appendix(
                document,
                cells,
                findings,
                scope,
                extras,
                appendixWaived,
                FindingStatus.WAIVED,
                "Appendix B: waived findings",
                listing);
        progress.report("Closing the document", 0.95);
        document.close();
        progress.report("Done", 1);
    }

    private void appendix(
            Document document,
            PdfCells cells,
            PdfFindings findings,
            ReportScope scope,
            ReportExtras extras,
            List<ClusterEvidence> clusters,
            FindingStatus status,
            String title,
            Progress progress) {
        if (clusters.isEmpty()) {
            return;
        }
        document.newPage();
        document.add(cells.heading(title));
        for (int i = 0; i < clusters.size(); i++) {
            var cluster = clusters.get(i);
            document.add(cells.subheading(cluster.name()));
            findings.list(
                    document,
                    cluster,
                    scope,
                    status,
                    extras.waiversById(cluster.cluster().id()),
                    progress.slice((double) i / clusters.size(), (double) (i + 1) / clusters.size()));
        }
    }

    private Image chart(ClusterEvidence cluster, ReportScope scope) {
        try {
            var image = Image.getInstance(TrendImage.png(cluster.trend(), scope.start(), scope.end(), scope.zone()));
            image.scaleToFit(TrendImage.WIDTH / 2f, TrendImage.HEIGHT / 2f);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
