package com.waymark.support;

import java.security.SecureRandom;
import java.util.Map;

import com.waymark.privacy.FieldCipher;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A cipher with a throwaway key, for JPA slices ({@code @DataJpaTest}): the entities' encrypted columns need one to
 * exist (their converters are beans), and nothing there is read back decrypted. One class imported by every slice, so
 * they share one Spring context rather than each starting its own.
 */
@TestConfiguration
public class ThrowawayCipher {

    @Bean
    FieldCipher fieldCipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new FieldCipher("test", Map.of("test", key));
    }
}
