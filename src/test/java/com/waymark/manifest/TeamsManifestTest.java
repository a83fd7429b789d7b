package com.waymark.manifest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Teams app manifest validates against the official v1.30 schema, with the ids the build fills in. */
class TeamsManifestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MANIFEST_DIR = Path.of("manifest");

    @Test
    void manifestValidatesAgainstTheTeamsSchema() throws IOException {
        JsonNode manifest = filledManifest();
        Set<ValidationMessage> problems = schema().validate(manifest);
        assertThat(problems).isEmpty();
        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.30");
    }

    @Test
    void theSchemaCheckReallyBites() throws IOException {
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) filledManifest();
        broken.put("manifestVersion", "1.29");
        broken.withArray("bots").removeAll();
        broken.remove("icons");
        assertThat(schema().validate(broken)).isNotEmpty();
    }

    @Test
    void botIsOfferedInEveryScopeWithAPersonalCommandList() throws IOException {
        JsonNode bot = filledManifest().path("bots").path(0);
        List<String> scopes = new ArrayList<>();
        bot.path("scopes").forEach(s -> scopes.add(s.asText()));
        assertThat(scopes).containsExactlyInAnyOrder("personal", "team", "groupChat");
        assertThat(bot.path("commandLists").path(0).path("commands").findValuesAsText("title"))
                .contains("check in", "my actions", "add action", "done", "my trend", "help");
    }

    @Test
    void iconsHaveTheSizesTeamsRequires() throws IOException {
        BufferedImage color = ImageIO.read(MANIFEST_DIR.resolve("color.png").toFile());
        BufferedImage outline = ImageIO.read(MANIFEST_DIR.resolve("outline.png").toFile());
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        // The outline icon must be white on transparent.
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                assertThat(alpha == 0 || (argb & 0xFFFFFF) == 0xFFFFFF).as("pixel %d,%d", x, y).isTrue();
            }
        }
    }

    /** The build fills these placeholders in (see pom.xml); here they get values of the right shape. */
    static JsonNode filledManifest() throws IOException {
        String text = Files.readString(MANIFEST_DIR.resolve("manifest.json"))
                .replace("@teams.app.id@", "4c1a8f0e-3b7d-4a59-9d0e-7f2b6a1c5e90")
                .replace("@teams.bot.id@", "4c1a8f0e-3b7d-4a59-9d0e-7f2b6a1c5e90")
                .replace("@teams.app.version@", "0.1.0")
                .replace("@teams.developer.url@", "https://waymark.example.org");
        assertThat(text).doesNotContain("@teams.");
        return JSON.readTree(text);
    }

    private static com.networknt.schema.JsonSchema schema() throws IOException {
        try (InputStream in = TeamsManifestTest.class.getResourceAsStream("/schemas/teams-manifest-1.30.schema.json")) {
            JsonNode schema = JSON.readTree(in);
            // The schema uses an ECMAScript regex java.util.regex rejects, and const/if-then that draft-04 ignores.
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .regularExpressionFactory(JoniRegularExpressionFactory.getInstance()).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema, config);
        }
    }
}
