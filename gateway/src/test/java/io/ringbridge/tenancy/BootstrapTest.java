package io.ringbridge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;

/** The first start on an empty database creates a tenant and an app and prints the key once. */
@EveryDatabase
class BootstrapTest {

    private static final Pattern KEY = Pattern.compile("sgw_[0-9a-f]{32}");

    @Parameter
    Database database;

    @Test
    void firstStartPrintsAWorkingKeyAndLaterStartsDoNot() {
        Console first = new Console();
        TestGateway gateway = first.capture(() -> TestGateway.on(database).start());
        String key;
        try {
            key = first.onlyKey();
            Response apps = gateway.api().get("/v1/apps", key);
            assertThat(apps.status()).isEqualTo(200);
            assertThat(apps.json().path("apps").valueStream().map(a -> a.path("name").asString()))
                    .containsExactly("Default app");
        } finally {
            gateway.close();
        }

        Console second = new Console();
        TestGateway restarted = second.capture(() -> TestGateway.on(database).sharingDatabaseWith(gateway).start());
        try {
            assertThat(second.keys()).isEmpty();
            assertThat(restarted.api().get("/v1/apps", key).status()).as("the key survives restarts").isEqualTo(200);
            assertThat(restarted.jdbc().sql("SELECT COUNT(*) FROM tenant").query(Long.class).single()).isEqualTo(1);
        } finally {
            restarted.close();
        }
    }

    /** What a gateway prints on the console while it starts. */
    private static final class Console {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        TestGateway capture(Supplier<TestGateway> start) {
            PrintStream original = System.out;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                return start.get();
            } finally {
                System.setOut(original);
            }
        }

        List<String> keys() {
            List<String> keys = new ArrayList<>();
            Matcher matcher = KEY.matcher(out.toString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                keys.add(matcher.group());
            }
            return keys;
        }

        String onlyKey() {
            assertThat(keys().stream().distinct()).as("keys printed").hasSize(1);
            return keys().getFirst();
        }
    }
}
