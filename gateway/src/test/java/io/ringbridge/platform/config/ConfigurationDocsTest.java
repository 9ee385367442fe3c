package io.ringbridge.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's configuration section against the configuration metadata the properties records compile to
 * ({@code META-INF/spring-configuration-metadata.json}, written from their Javadoc by
 * spring-boot-configuration-processor): every setting documented, with the records' default, and nothing
 * documented that no record declares.
 */
class ConfigurationDocsTest {

    private static final Path README = Path.of("..", "README.md");

    /** Variables the README documents that are Spring Boot's own settings, not a RingBridge record's. */
    private static final Set<String> FRAMEWORK_VARIABLES = Set.of(
            "PORT"); // server.port, through application.yml

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    private static Map<String, Setting> settings;
    private static List<Row> rows;
    private static String section;

    @BeforeAll
    static void read() throws IOException {
        settings = ringBridgeSettings();
        section = configurationSection(Files.readString(README));
        rows = rows(section);
    }

    @Test
    void theProcessorDescribedEverySetting() {
        assertThat(settings).as("RingBridge settings in the metadata").containsKey("ringbridge.sending.lease");
        assertThat(settings.values()).allSatisfy(setting ->
                assertThat(setting.description()).as(setting.name() + " has Javadoc").isNotBlank());
    }

    @Test
    void everySettingIsInTheReadme() {
        Set<String> documented = new TreeSet<>();
        rows.forEach(row -> row.names().stream().map(ConfigurationDocsTest::settingNamed).flatMap(Optional::stream)
                .map(Setting::name).forEach(documented::add));
        assertThat(settings.keySet()).as("settings missing from the README's configuration tables")
                .isSubsetOf(documented);
    }

    @Test
    void everyDocumentedNameIsASetting() {
        Set<String> unknown = new TreeSet<>();
        rows.forEach(row -> row.names().stream()
                .filter(name -> !FRAMEWORK_VARIABLES.contains(name) && settingNamed(name).isEmpty())
                .forEach(unknown::add));
        // Prose counts too: a renamed setting must not live on in a sentence.
        Set<String> prefixes = new TreeSet<>();
        settings.keySet().forEach(name -> prefixes.add(name.substring(0, name.indexOf('.') + 1)));
        codeSpans(section).stream()
                .filter(span -> PROPERTY.matcher(span).matches())
                .filter(span -> prefixes.stream().anyMatch(span::startsWith) && !settings.containsKey(span))
                .forEach(unknown::add);
        assertThat(unknown).as("names in the README's configuration section that no properties record declares")
                .isEmpty();
    }

    /**
     * A default written as one code span is a value and must be the record's; written in words ("none: sandbox
     * mode"), it explains what happens unset, so the record must have no default.
     */
    @Test
    void documentedDefaultsAreTheRecordsDefaults() {
        for (Row row : rows) {
            Optional<String> documented = row.documentedValue();
            row.names().stream().map(ConfigurationDocsTest::settingNamed).flatMap(Optional::stream)
                    .forEach(setting -> assertThat(Optional.ofNullable(setting.defaultValue()))
                            .as("default of " + setting.name()).isEqualTo(documented));
        }
    }

    /** A property name as written, or an environment variable that relaxed binding maps to it. */
    private static Optional<Setting> settingNamed(String name) {
        if (VARIABLE.matcher(name).matches()) {
            return settings.values().stream().filter(s -> s.environmentVariable().equals(name)).findFirst();
        }
        return Optional.ofNullable(settings.get(name));
    }

    private static Map<String, Setting> ringBridgeSettings() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Setting> found = new TreeMap<>();
        for (URL metadata : Collections.list(ConfigurationDocsTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    if (property.path("sourceType").asString("").startsWith("io.ringbridge.")) {
                        JsonNode defaultValue = property.get("defaultValue");
                        Setting setting = new Setting(property.get("name").asString(),
                                defaultValue == null ? null : defaultValue.asString(),
                                property.path("description").asString(""));
                        found.put(setting.name(), setting);
                    }
                }
            }
        }
        return found;
    }

    private static String configurationSection(String readme) {
        int start = readme.indexOf("\n## Configuration\n");
        assertThat(start).as("README has a Configuration section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    /** Table rows whose first cell names settings; header and separator rows name none. */
    private static List<Row> rows(String section) {
        List<Row> rows = new ArrayList<>();
        for (String line : section.lines().toList()) {
            if (!line.startsWith("|")) {
                continue;
            }
            String[] cells = line.substring(1).split("\\|");
            List<String> names = codeSpans(cells[0]);
            if (!names.isEmpty() && cells.length > 1) {
                rows.add(new Row(names, cells[1].trim()));
            }
        }
        return rows;
    }

    private static List<String> codeSpans(String text) {
        List<String> spans = new ArrayList<>();
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            spans.add(code.group(1));
        }
        return spans;
    }

    record Setting(String name, String defaultValue, String description) {

        /** The legacy relaxed form the README uses: dots and dashes become underscores. */
        String environmentVariable() {
            return name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        }
    }

    record Row(List<String> names, String defaultCell) {

        Optional<String> documentedValue() {
            Matcher value = CODE.matcher(defaultCell);
            return value.matches() ? Optional.of(value.group(1)) : Optional.empty();
        }
    }
}
