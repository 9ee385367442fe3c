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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    /** Where chapters this list does not name go: they are an app's, since the operator's are few and named here. */
    private static final String OTHER_APP_CHAPTERS = "";

    /** The reference's chapters in reading order: an app's API first, then the operator's, then the rest. */
    static final Map<String, String> CHAPTERS = chapters();

    private static Map<String, String> chapters() {
        Map<String, String> chapters = new LinkedHashMap<>();
        chapters.put("SMS", "For apps: send SMS, follow their status, read the history of sent and received messages");
        chapters.put("RingCentral connection", "For apps: connect the tenant's RingCentral account (links a person "
                + "opens in a browser) and see its users and numbers");
        chapters.put("Apps", "For apps (and the operator): apps of a tenant, each with one API key");
        chapters.put(OTHER_APP_CHAPTERS, "");
        chapters.put("Tenants", "For the operator only (admin key): the customers of this gateway");
        chapters.put("Sandbox", "Only in sandbox mode: the RingCentral simulator this gateway serves itself");
        chapters.put("Health", "For monitoring: no key needed");
        return chapters;
    }

    @Bean
    ServerBaseUrlCustomizer publicServerUrl(PublicUrl publicUrl) {
        return (fromRequest, request) -> publicUrl.base();
    }

    /** Adds the routes modules serve outside Spring MVC (the sandbox's), then puts every chapter in reading order. */
    @Bean
    OpenApiCustomizer chaptersInReadingOrder(ObjectProvider<ApiReferenceRoutes> moreRoutes) {
        return openApi -> {
            moreRoutes.orderedStream().forEach(routes -> routes.addTo(openApi));
            if (openApi.getPaths() == null) {
                return;
            }
            List<Map.Entry<String, PathItem>> paths = openApi.getPaths().entrySet().stream()
                    .sorted(Comparator.comparingInt(path -> rank(chapter(path.getValue()))))
                    .toList();
            Paths ordered = new Paths();
            paths.forEach(path -> ordered.addPathItem(path.getKey(), path.getValue()));
            openApi.setPaths(ordered);
            Map<String, String> declared = new LinkedHashMap<>();
            if (openApi.getTags() != null) {
                openApi.getTags().forEach(tag -> declared.put(tag.getName(), tag.getDescription()));
            }
            openApi.setTags(paths.stream().map(path -> chapter(path.getValue())).filter(name -> !name.isEmpty())
                    .distinct()
                    .map(name -> new Tag().name(name).description(CHAPTERS.getOrDefault(name, declared.get(name))))
                    .toList());
        };
    }

    private static String chapter(PathItem path) {
        return path.readOperations().stream().map(Operation::getTags).filter(tags -> tags != null && !tags.isEmpty())
                .map(List::getFirst).findFirst().orElse("");
    }

    private static int rank(String chapter) {
        List<String> order = List.copyOf(CHAPTERS.keySet());
        return order.contains(chapter) ? order.indexOf(chapter) : order.indexOf(OTHER_APP_CHAPTERS);
    }
}
