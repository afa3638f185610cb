package io.clusterproof.evidence.api;

import io.clusterproof.base.UserFacingException;
import io.clusterproof.evidence.InvalidExportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error of the evidence API as an RFC 9457 problem detail; a bad parameter is named in {@code field}. */
@RestControllerAdvice(assignableTypes = EvidenceController.class)
class EvidenceProblems {

    private static final Logger log = LoggerFactory.getLogger(EvidenceProblems.class);

    @ExceptionHandler(InvalidExportException.class)
    ProblemDetail invalid(InvalidExportException e) {
        // the service names the cluster list "clusters"; over HTTP it is the repeatable parameter "cluster"
        return badRequest(e.field().equals("clusters") ? "cluster" : e.field(), e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badRequest(e.getParameterName(), "The parameter " + e.getParameterName() + " is required.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        var expected = e.getRequiredType() != null
                        && e.getRequiredType().getSimpleName().equals("LocalDate")
                ? "an ISO date such as 2026-11-25"
                : "a "
                        + (e.getRequiredType() == null
                                ? "valid value"
                                : e.getRequiredType().getSimpleName());
        return badRequest(
                e.getName(), "\"" + e.getValue() + "\" is not valid for " + e.getName() + ": give " + expected + ".");
    }

    @ExceptionHandler(PackNotFoundException.class)
    ProblemDetail notFound(PackNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such evidence pack");
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

    @ExceptionHandler(UserFacingException.class)
    ProblemDetail userFacing(UserFacingException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Cannot do that");
        return problem;
    }

    private static ProblemDetail badRequest(String field, String detail) {
        log.debug("Bad evidence request: {}: {}", field, detail);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid parameter: " + field);
        problem.setProperty("field", field);
        return problem;
    }
}
