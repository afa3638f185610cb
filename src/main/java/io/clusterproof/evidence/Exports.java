package io.clusterproof.evidence;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.catalog.Catalog;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Writes one export (PDF, findings CSV or control matrix CSV) for a resolved scope to a stream. */
@Component
class Exports {

    private final ScopeResolver resolver;
    private final ReportExtrasLoader extras;
    private final AssessmentQueries assessments;
    private final Catalog catalog;
    private final EvidenceProperties properties;
    private final Clock clock;

    Exports(
            ScopeResolver resolver,
            ReportExtrasLoader extras,
            AssessmentQueries assessments,
            Catalog catalog,
            EvidenceProperties properties,
            Clock clock) {
        this.resolver = resolver;
        this.extras = extras;
        this.assessments = assessments;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    /** The scope with what the optional waiver, attestation and drift providers add to it. */
    record Resolved(ReportScope scope, ReportExtras extras) {}

    Resolved resolve(ExportRequest request) {
        var scope = resolver.resolve(request);
        return new Resolved(scope, extras.load(scope));
    }

    void validate(ExportRequest request) {
        resolver.validate(request);
    }

    Instant now() {
        return clock.instant();
    }

    void write(ExportFormat format, Resolved resolved, String actor, Instant at, OutputStream out, Progress progress) {
        switch (format) {
            case PDF -> pdf(inlineFindings()).write(resolved.scope(), resolved.extras(), actor, at, out, progress);
            case FINDINGS_CSV ->
                new FindingsCsv(assessments, catalog, properties.pageSize())
                        .write(resolved.scope(), resolved.extras(), out, progress);
            case CONTROLS_CSV -> new ControlMatrixCsv(assessments).write(resolved.scope(), resolved.extras(), out);
            case PACK -> throw new IllegalArgumentException("a pack is built by PackBuilder");
        }
    }

    PdfReport pdf(int inlineFindings) {
        return new PdfReport(assessments, catalog, inlineFindings, properties.pageSize());
    }

    int inlineFindings() {
        return properties.inlineFindings();
    }
}
