package io.ringbridge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.platform.crypto.SecretBox;
import io.ringbridge.testsupport.SharedGateways;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.Gateways;
import io.ringbridge.testsupport.Response;
import io.ringbridge.testsupport.TestGateway;

/** No API key or webhook secret is stored in plaintext, in any column of any table. */
@SharedGateways
@EveryDatabase
class SecretsAtRestTest {

    @Parameter
    Database database;

    @Test
    void noTableHoldsAPlaintextKeyOrWebhookSecret() throws SQLException {
        TestGateway gateway = Gateways.shared(database);
        Api api = gateway.api();
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);
        Response second = api.post("/v1/apps/register", app.apiKey(), "{\"name\":\"Second\",\"webhookUrl\":\"https://example.com/h\"}");
        Response rotated = api.post("/v1/apps/" + app.appId() + "/rotate-key", app.apiKey(), null);
        List<String> secrets = List.of(app.apiKey(), app.webhookSecret(), second.text("apiKey"),
                second.text("webhookSecret"), rotated.text("apiKey"), TestGateway.ADMIN_KEY);

        List<String> stored = everyStoredValue(gateway.bean(DataSource.class));

        assertThat(stored).as("the scan reads the tables").isNotEmpty();
        for (String secret : secrets) {
            String randomPart = secret.substring(secret.indexOf('_') + 1);
            assertThat(stored).noneMatch(value -> value.contains(randomPart));
        }
        // The webhook secret is kept (sealed), not dropped: it opens to the value shown at registration.
        String sealed = gateway.jdbc().sql("SELECT webhook_secret FROM app WHERE id = :id")
                .param("id", app.appId()).query(String.class).single();
        assertThat(gateway.bean(SecretBox.class).open(sealed, "app:" + app.appId() + ":webhook_secret"))
                .isEqualTo(app.webhookSecret());
    }

    /** Every value of every column of every table of the application's schema, as text (bytes also as hex). */
    private static List<String> everyStoredValue(DataSource dataSource) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, "public", "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("tenant", "app");
            for (String table : tables) {
                try (var statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            Object value = rows.getObject(c);
                            if (value instanceof byte[] bytes) {
                                values.add(new String(bytes, StandardCharsets.UTF_8));
                                values.add(HexFormat.of().formatHex(bytes));
                            } else if (value != null) {
                                values.add(value.toString());
                            }
                        }
                    }
                }
            }
        }
        return values;
    }
}
