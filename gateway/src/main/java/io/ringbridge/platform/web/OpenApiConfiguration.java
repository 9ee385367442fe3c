package io.ringbridge.platform.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Metadata of {@code /openapi.json}; the operations themselves are generated from the controllers. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "RingBridge API", version = "v1",
                description = "Multi-tenant SMS gateway over RingCentral. Errors are {\"error\": \"…\", \"code\": \"…\", \"requestId\": \"…\"}."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "sgw_…")
class OpenApiConfiguration {
}
