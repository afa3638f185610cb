package io.clusterproof.base.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.clusterproof.base.InvalidInputException;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.NotPermittedException;
import io.clusterproof.base.TooLargeException;
import io.clusterproof.base.UserFacingException;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the REST API as an RFC 9457 problem detail. An invalid input answers 400 and
 * names it in the property {@code field}; nothing internal (stack traces, SQL) reaches the caller.
 */
@RestControllerAdvice(basePackages = "io.clusterproof")
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return badRequest(e.field(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        var errors = new LinkedHashMap<String, String>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(f -> errors.putIfAbsent(f.getField(), f.getField() + " " + f.getDefaultMessage()));
        var first = errors.keySet().stream().findFirst().orElse("body");
        var problem = badRequest(first, String.join("; ", errors.values()) + ".");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameter(HandlerMethodValidationException e) {
        var errors = new LinkedHashMap<String, String>();
        for (var result : e.getParameterValidationResults()) {
            var name = result.getMethodParameter().getParameterName();
            errors.putIfAbsent(
                    name,
                    name + " "
                            + result.getResolvableErrors().stream()
                                    .map(r -> r.getDefaultMessage())
                                    .collect(Collectors.joining(", ")));
        }
        var first = errors.keySet().stream().findFirst().orElse("parameter");
        var problem = badRequest(first, String.join("; ", errors.values()) + ".");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badRequest(e.getParameterName(), "The parameter " + e.getParameterName() + " is required.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        var type = e.getRequiredType();
        String expected;
        if (type == null) {
            expected = "a valid value";
        } else if (type.isEnum()) {
            expected = "one of " + java.util.Arrays.toString(type.getEnumConstants());
        } else if (type.getSimpleName().equals("LocalDate")) {
            expected = "an ISO date such as 2026-11-25";
        } else if (type.getSimpleName().equals("Instant")) {
            expected = "an ISO instant such as 2026-11-25T10:00:00Z";
        } else {
            expected = "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
        }
        return badRequest(
                e.getName(), "\"" + e.getValue() + "\" is not valid for " + e.getName() + ": give " + expected + ".");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        // a limit passed while the body was read (an inflating request): Jackson wraps what the stream threw
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        if (e.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            var field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return badRequest(field, "The value of " + field + " is not valid: " + mismatch.getOriginalMessage());
        }
        return badRequest("body", "The request body is not valid JSON.");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchEndpoint(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "There is no endpoint /" + e.getResourcePath() + ".");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "Method not allowed",
                e.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods() + ".");
    }

    @ExceptionHandler(NotPermittedException.class)
    ProblemDetail notPermitted(NotPermittedException e) {
        return problem(HttpStatus.FORBIDDEN, "Not permitted", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "This token's role may not do this.");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail changedMeanwhile(OptimisticLockingFailureException e) {
        return problem(
                HttpStatus.CONFLICT,
                "Changed meanwhile",
                "The object was changed by someone else or by an assessment while this request ran; read it"
                        + " again and retry.");
    }

    @ExceptionHandler(TooLargeException.class)
    ProblemDetail tooLarge(TooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
        var limit = e.getMaxUploadSize() > 0 ? " of " + (e.getMaxUploadSize() >> 20) + " MiB" : "";
        return problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Too large",
                "The upload is larger than the limit" + limit + " (clusterproof.snapshot.max-upload-bytes).");
    }

    @ExceptionHandler(UserFacingException.class)
    ProblemDetail conflict(UserFacingException e) {
        return problem(HttpStatus.CONFLICT, "Cannot do that now", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error in an API call", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error",
                "The server could not complete the request; the error is in its log.");
    }

    private static ProblemDetail badRequest(String field, String detail) {
        var problem = problem(HttpStatus.BAD_REQUEST, "Invalid input: " + field, detail);
        problem.setProperty("field", field);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
