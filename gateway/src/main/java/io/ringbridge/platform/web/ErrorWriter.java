package io.ringbridge.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the standard error body from places outside Spring MVC (servlet filters). */
@Component
public class ErrorWriter {

    private final JsonMapper json;

    ErrorWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String error,
                      String code, Map<String, String> headers) throws IOException {
        write(request, response, status, headers, new ApiError(error, code, RequestIds.of(request)));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        write(request, response, e.status(), e.headers(), new ApiError(e.error(), e.code(), e.param(), RequestIds.of(request)));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                       Map<String, String> headers, ApiError body) throws IOException {
        response.setStatus(status.value());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
