package com.waymark.privacy;

import java.util.List;

/**
 * A module's share of the registry of encrypted columns: each module that stores a value through {@link FieldCipher}
 * (the {@link EncryptedText} converter or JDBC) declares the column here, so that key rotation re-encrypts it and
 * the start-up check reads it. {@code EncryptedColumnRegistryTest} fails when an encrypted column is not declared.
 */
public interface EncryptedColumns {

    List<EncryptedColumn> encryptedColumns();
}
