package io.ringbridge.platform.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.UUID;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to a request Tomcat refuses before it reaches the application (an invalid {@code %} in the path, a
 * header block over 8 KB, too many headers, an unknown protocol version): the standard JSON error body with a request
 * id and the security headers, instead of Tomcat's HTML page, and one WARN line.
 */
final class ContainerErrorValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrorValve.class);

    /** Tomcat's own words for a request whose headers are too large or too many, in the language it uses. */
    private static final String HEADER_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");
    private static final String[] TOO_MANY_HEADERS = StringManager.getManager("org.apache.tomcat.util.http")
            .getString("headers.maxCountFail", "\u0000").split("\u0000", 2);

    private final JsonMapper json;
    private final boolean production;

    ContainerErrorValve(JsonMapper json, boolean production) {
        this.json = json;
        this.production = production;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = headersTooLarge(throwable) ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpStatus.resolve(response.getStatus());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        String id = RequestIds.of(request);
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
        ApiError error = ErrorWords.of(status, id);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            log.warn("Refused by the container: {} {}", status.value(), error.code());
            write(request, response, status, id, error);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private void write(Request request, Response response, HttpStatus status, String id, ApiError error) {
        response.setStatus(status.value());
        response.setHeader(RequestIds.HEADER, id);
        SecurityHeaders.apply(response, PagePolicy.JSON, production || request.isSecure());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        try {
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(error));
                response.finishResponse();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write the error answer: {}", e.toString());
        }
    }

    private static boolean headersTooLarge(Throwable throwable) {
        String message = throwable == null ? null : throwable.getMessage();
        return message != null && (message.equals(HEADER_TOO_LARGE)
                || TOO_MANY_HEADERS.length == 2 && message.startsWith(TOO_MANY_HEADERS[0])
                && message.endsWith(TOO_MANY_HEADERS[1]));
    }
}
