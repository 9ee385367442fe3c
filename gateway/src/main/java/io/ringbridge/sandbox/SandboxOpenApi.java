package io.ringbridge.sandbox;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import io.ringbridge.platform.web.ApiReferenceRoutes;

/**
 * The sandbox's routes in the API reference: the simulator is a servlet of its own, so the generated document would
 * not list them. Only the routes a sandbox user calls or opens; the rest is RingCentral's own API, simulated.
 */
final class SandboxOpenApi implements ApiReferenceRoutes {

    static final String TAG = "Sandbox";

    @Override
    public void addTo(OpenAPI openApi) {
        Schema<?> inbound = new ObjectSchema()
                .addProperty("from", new StringSchema().description("Sender, E.164").example("+14155550100"))
                .addProperty("to", new StringSchema().description("A number of a demo user, E.164").example("+16505550101"))
                .addProperty("text", new StringSchema().example("Hi back"))
                .required(List.of("from", "to", "text"));
        Schema<?> stored = new ObjectSchema()
                .addProperty("id", new StringSchema().description("The simulated RingCentral message id"))
                .addProperty("extensionId", new StringSchema())
                .addProperty("uri", new StringSchema());
        openApi.path(SandboxConfiguration.MOUNT + "/", new PathItem().get(unauthenticated(new Operation()
                .operationId("sandboxHome")
                .summary("The simulated RingCentral's start page: the demo account, its users and their numbers")
                .responses(new ApiResponses().addApiResponse("200", html("The page"))))));
        openApi.path(SandboxConfiguration.MOUNT + "/inbound", new PathItem().post(unauthenticated(new Operation()
                .operationId("sandboxInbound")
                .summary("Make the simulated RingCentral deliver an inbound SMS to the gateway's webhook")
                .description("The gateway receives it as RingCentral would send it: a notification to its webhook.")
                .requestBody(new RequestBody().required(true).content(json(inbound)))
                .responses(new ApiResponses()
                        .addApiResponse("202", new ApiResponse().description("Stored and notified").content(json(stored)))
                        .addApiResponse("400", new ApiResponse().description("from/to not E.164, or no text"))
                        .addApiResponse("404", new ApiResponse().description("No demo user owns the to number"))))));
    }

    private static Operation unauthenticated(Operation operation) {
        return operation.addTagsItem(TAG).security(List.of());
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }

    private static ApiResponse html(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("text/html", new MediaType().schema(new StringSchema())));
    }
}
