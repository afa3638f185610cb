package io.clusterproof.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.Document;
import io.clusterproof.assessment.AssessmentQueries;

/** Section 2, the scope: the framework's namespace selector and each cluster's namespaces in scope. */
final class PdfScope extends PdfSection {

    PdfScope(AssessmentQueries assessments, PdfCells cells, ReportScope scope, ReportExtras extras) {
        super(assessments, cells, scope, extras);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    void add(Document document) {
        var framework = scope.framework();
        document.add(cells.heading("2 Scope"));
        var frameworkScope = framework.effectiveScope();
        document.add(cells.text("Scope of " + framework.name() + ": "
                + (frameworkScope.description() == null ? "every namespace" : frameworkScope.description()) + "."));
        document.add(cells.text(
                frameworkScope.namespaceSelector() == null
                        ? "Namespace selector: none, so every namespace is in scope."
                        : "Namespace selector (matched against each Namespace object's labels): "
                                + json(frameworkScope.namespaceSelector())));
        document.add(cells.text("System namespaces are outside every framework's scope: "
                + String.join(", ", scope.systemNamespaces())
                + ". Cluster-scoped objects (nodes, cluster roles and their bindings, admission webhooks) count for "
                + "every framework."));
        for (var cluster : scope.assessed()) {
            document.add(cells.subheading(cluster.name() + ": namespaces in scope ("
                    + cluster.namespacesInScope().size() + ")"));
            document.add(cells.text(
                    cluster.namespacesInScope().isEmpty() ? "none" : String.join(", ", cluster.namespacesInScope())));
            if (!cluster.namespacesWithoutObject().isEmpty()) {
                document.add(cells.muted("In scope because the snapshot holds no Namespace object for them, so their "
                        + "labels are unknown: " + String.join(", ", cluster.namespacesWithoutObject())));
            }
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
