package com.waymark.privacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each way the key settings can be wrong gives one sentence saying what, and one what to do; never the key. */
class EncryptionKeyFailureAnalyzerTest {

    private static final String GOOD = Base64.getEncoder().encodeToString(FieldCipherTest.ONE);
    private static final String SHORT = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());

    @TempDir
    Path dir;

    @Test
    void credentialsWithoutAKeyAreToldHowToSetOne() {
        FailureAnalysis analysis = analysed(settings("", "", ""), deployed());
        assertThat(analysis.getDescription()).isEqualTo("No encryption key is set. Reflections and actions are stored "
                + "encrypted, and only local mode (no MicrosoftAppId) may generate a key of its own.");
        assertThat(analysis.getAction()).contains("WAYMARK_ENCRYPTION_KEY").contains("openssl rand -base64 32")
                .contains("WAYMARK_ENCRYPTION_KEY_FILE");
        assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("\n");
    }

    @Test
    void localModeWithoutAKeyIsFineItMakesItsOwnLater() {
        assertThatCode(() -> EncryptionConfiguration.check(settings("", "", ""), new MockEnvironment()))
                .doesNotThrowAnyException();
        assertThatCode(() -> EncryptionConfiguration.check(settings(GOOD, "", ""), deployed()))
                .doesNotThrowAnyException();
    }

    @Test
    void aMistypedKeySaysWhatIsWrongWithoutRepeatingIt() {
        FailureAnalysis notBase64 = analysed(settings("not*base64*at*all", "", ""), deployed());
        assertThat(notBase64.getDescription()).isEqualTo("WAYMARK_ENCRYPTION_KEY (waymark.encryption.key) is not valid "
                + "base64.");
        assertThat(notBase64.getAction()).contains("openssl rand -base64 32").contains("docs/security.md");

        FailureAnalysis tooShort = analysed(settings(SHORT, "", ""), deployed());
        assertThat(tooShort.getDescription()).isEqualTo("WAYMARK_ENCRYPTION_KEY (waymark.encryption.key) holds 16 "
                + "bytes; an encryption key is 32 random bytes (256 bits), in base64.");
        assertThat(tooShort.getDescription() + tooShort.getAction()).doesNotContain(SHORT).doesNotContain("sixteen");
    }

    @Test
    void aKeyFileThatIsMissingOrWrongIsNamed() throws Exception {
        Path missing = dir.resolve("nowhere.key");
        assertThat(analysed(settings("", missing.toString(), ""), deployed()).getDescription())
                .isEqualTo("The encryption key file " + missing.toAbsolutePath() + " does not exist.");

        Path wrong = Files.writeString(dir.resolve("short.key"), SHORT + "\n");
        assertThat(analysed(settings("", wrong.toString(), ""), deployed()).getDescription())
                .isEqualTo("The encryption key file " + wrong.toAbsolutePath() + " holds 16 bytes; an encryption key "
                        + "is 32 random bytes (256 bits), in base64.");

        Path good = Files.writeString(dir.resolve("good.key"), GOOD + "\n");
        assertThatCode(() -> EncryptionConfiguration.check(settings("", good.toString(), ""), deployed()))
                .doesNotThrowAnyException();
    }

    @Test
    void previousKeysMustBeIdEqualsBase64() {
        FailureAnalysis noId = analysed(settings(GOOD, "", GOOD), deployed());
        assertThat(noId.getDescription()).isEqualTo("WAYMARK_ENCRYPTION_PREVIOUS_KEYS "
                + "(waymark.encryption.previous-keys) is not a list of id=base64 entries.");
        assertThat(noId.getDescription() + noId.getAction()).doesNotContain(GOOD);

        assertThat(analysed(settings(GOOD, "", "v0=" + SHORT), deployed()).getDescription())
                .startsWith("The previous key v0 in WAYMARK_ENCRYPTION_PREVIOUS_KEYS holds 16 bytes");
    }

    /** As Spring Boot meets it: the key's exception deep inside the bean that needed the key. */
    @Test
    void theAnalyzerFindsTheKeyProblemInsideBeanCreation() {
        var problem = catchThrowableOfType(EncryptionKeyException.class,
                () -> EncryptionConfiguration.check(settings("", "", ""), deployed()));
        var wrapped = new BeanCreationException("flyway", "Failed",
                new BeanCreationException("fieldCipher", "Failed to instantiate", problem));
        FailureAnalysis analysis = new EncryptionKeyFailureAnalyzer().analyze(wrapped);
        assertThat(analysis.getDescription()).isEqualTo(problem.getMessage());
        assertThat(analysis.getAction()).isEqualTo(problem.action());
        assertThat(new EncryptionKeyFailureAnalyzer().analyze(new IllegalStateException("something else"))).isNull();
    }

    private static FailureAnalysis analysed(EncryptionProperties settings, MockEnvironment env) {
        var problem = catchThrowableOfType(EncryptionKeyException.class, () -> EncryptionConfiguration.check(settings, env));
        assertThat(problem).as("refused").isNotNull();
        return new EncryptionKeyFailureAnalyzer().analyze(problem);
    }

    private static EncryptionProperties settings(String key, String keyFile, String previousKeys) {
        return new EncryptionProperties(key, keyFile, "v1", previousKeys, false);
    }

    private static MockEnvironment deployed() {
        return new MockEnvironment().withProperty("waymark.bot.app-id", "6f3b9c1e-52a4-4d7e-9a0b-3c8e1f2d4a55");
    }
}
