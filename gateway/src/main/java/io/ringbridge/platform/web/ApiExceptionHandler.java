package io.ringbridge.platform.web;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Maps every failure inside Spring MVC to the contract's error body; nothing internal leaks out. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        e.headers().forEach(response::header);
        return response.body(new ApiError(e.error(), e.code(), e.param(), RequestIds.of(request)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (causedBy(e, PayloadTooLargeException.class)) {
            return error(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", "payload_too_large", request);
        }
        Optional<FieldError> field = fieldError(e);
        if (field.isPresent()) {
            return invalid(field.get().name(), field.get().message().value(), field.get().message().code(), request);
        }
        return error(HttpStatus.BAD_REQUEST, "Invalid JSON body", "invalid_json", request);
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ApiError> notFound(Exception e, HttpServletRequest request) {
        return error(HttpStatus.NOT_FOUND, "Not found", "not_found", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers)
                .body(new ApiError("Method not allowed", "method_not_allowed", RequestIds.of(request)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedMediaType(HttpServletRequest request) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json",
                "unsupported_media_type", request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpServletRequest request) {
        return error(HttpStatus.NOT_ACCEPTABLE, "Responses are application/json", "not_acceptable", request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return invalid(e.getParameterName(), e.getParameterName() + " is required", "missing_parameter", request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return invalid(e.getName(), "Invalid value for " + e.getName(), "invalid_parameter", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error", "internal_error", request);
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String error, String code,
                                                  HttpServletRequest request) {
        return ResponseEntity.status(status).body(new ApiError(error, code, RequestIds.of(request)));
    }

    /** A validation error: 400 naming the offending field in {@code param}. */
    private static ResponseEntity<ApiError> invalid(String param, String error, String code, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(new ApiError(error, code, param, RequestIds.of(request)));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private record FieldError(String name, InvalidValueMessage message) {
    }

    /** A value of the wrong JSON type for a field that declares its contract message gets that message. */
    private static Optional<FieldError> fieldError(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof MismatchedInputException mismatch)) {
            return Optional.empty();
        }
        List<JacksonException.Reference> path = mismatch.getPath();
        if (path.size() != 1 || path.getFirst().getPropertyName() == null) {
            return Optional.empty();
        }
        Object from = path.getFirst().from();
        Class<?> type = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
        if (type == null || !type.isRecord()) {
            return Optional.empty();
        }
        String name = path.getFirst().getPropertyName();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return Optional.ofNullable(component.getAnnotation(InvalidValueMessage.class))
                        .map(message -> new FieldError(name, message));
            }
        }
        return Optional.empty();
    }
}
