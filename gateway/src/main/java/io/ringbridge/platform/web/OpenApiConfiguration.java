package io.ringbridge.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.ringbridge.platform.config.PublicUrl;

/**
 * Metadata and order of {@code /openapi.json} (rendered at {@code /docs}); the operations themselves are generated
 * from the controllers. Its server is the public URL, never what a request's {@code Host} claims.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "RingBridge API", version = "v1",
                description = "Multi-tenant SMS gateway over RingCentral. The routes an app calls with its API key come "
                        + "first, the operator's (admin key) after them. Errors are {\"error\": \"…\", \"code\": \"…\", "
                        + "\"requestId\": \"…\"}, and a validation error names the offending field in \"param\"."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "sgw_…")
class OpenApiConfiguration {

    /** The reference's chapters in reading order: an app's API first, then the operator's, then the rest. */
    static final Map<String, String> CHAPTERS = chapters();

    private static Map<String, String> chapters() {
        Map<String, String> chapters = new LinkedHashMap<>();
        chapters.put("SMS", "For apps: send SMS, follow their status, read the history of sent and received messages");
        chapters.put("RingCentral connection", "For apps: connect the tenant's RingCentral account (links a person "
                + "opens in a browser) and see its users and numbers");
        chapters.put("Apps", "For apps (and the operator): apps of a tenant, each with one API key");
        chapters.put("Tenants", "For the operator only (admin key): the customers of this gateway");
        chapters.put("Sandbox", "Only in sandbox mode: the RingCentral simulator this gateway serves itself");
        chapters.put("Health", "For monitoring: no key needed");
        return chapters;
    }

    @Bean
    ServerBaseUrlCustomizer publicServerUrl(PublicUrl publicUrl) {
        return (fromRequest, request) -> publicUrl.base();
    }

    /** Runs after every module's customizer, so chapters they add (the sandbox's) are ordered too. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    OpenApiCustomizer chaptersInReadingOrder() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            List<Map.Entry<String, PathItem>> paths = openApi.getPaths().entrySet().stream()
                    .sorted(Comparator.comparingInt(path -> rank(chapter(path.getValue()))))
                    .toList();
            Paths ordered = new Paths();
            paths.forEach(path -> ordered.addPathItem(path.getKey(), path.getValue()));
            openApi.setPaths(ordered);
            openApi.setTags(CHAPTERS.entrySet().stream()
                    .filter(chapter -> paths.stream().anyMatch(path -> chapter.getKey().equals(chapter(path.getValue()))))
                    .map(chapter -> new Tag().name(chapter.getKey()).description(chapter.getValue()))
                    .toList());
        };
    }

    private static String chapter(PathItem path) {
        return path.readOperations().stream().map(Operation::getTags).filter(tags -> tags != null && !tags.isEmpty())
                .map(List::getFirst).findFirst().orElse("");
    }

    private static int rank(String chapter) {
        int index = List.copyOf(CHAPTERS.keySet()).indexOf(chapter);
        return index < 0 ? CHAPTERS.size() : index;
    }
}
