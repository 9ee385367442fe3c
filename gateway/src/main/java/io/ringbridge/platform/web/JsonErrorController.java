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
        return ResponseEntity.status(status).body(ErrorWords.of(status, RequestIds.of(request)));
    }
}
