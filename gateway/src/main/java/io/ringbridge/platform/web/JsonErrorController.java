package io.ringbridge.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised by the servlet container itself (outside Spring MVC, e.g. a malformed request line or an
 * exception in a filter) still answer with the standard JSON body instead of an HTML page.
 */
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null) {
            status = HttpStatus.NOT_FOUND; // a direct GET /error
        }
        String error = switch (status) {
            case NOT_FOUND -> "Not found";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case CONTENT_TOO_LARGE -> "Payload too large";
            case BAD_REQUEST -> "Bad request";
            default -> status.is5xxServerError() ? "Internal server error" : status.getReasonPhrase();
        };
        String machineCode = switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case CONTENT_TOO_LARGE -> "payload_too_large";
            case BAD_REQUEST -> "bad_request";
            default -> status.is5xxServerError() ? "internal_error" : "http_" + status.value();
        };
        return ResponseEntity.status(status).body(new ApiError(error, machineCode, RequestIds.of(request)));
    }
}
