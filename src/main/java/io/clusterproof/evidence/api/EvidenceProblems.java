package io.clusterproof.evidence.api;

import io.clusterproof.evidence.InvalidExportException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The evidence API's own wording on top of the shared problem details ({@code base.api}): the
 * cluster list is the repeatable parameter {@code cluster}, and a refused role is told who may.
 */
@RestControllerAdvice(assignableTypes = EvidenceController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvidenceProblems {

    @ExceptionHandler(InvalidExportException.class)
    ProblemDetail invalid(InvalidExportException e) {
        // the service names the cluster list "clusters"; over HTTP it is the repeatable parameter "cluster"
        var field = e.field().equals("clusters") ? "cluster" : e.field();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid input: " + field);
        problem.setProperty("field", field);
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN,
                "Evidence is for auditors, officers and administrators; this token's role may not use it.");
        problem.setTitle("Forbidden");
        return problem;
    }
}
