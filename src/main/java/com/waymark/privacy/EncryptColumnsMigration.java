package com.waymark.privacy;

import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flyway migration that encrypts what a column held in plain text before it was encrypted, in the migration's
 * transaction. Subclasses are Spring beans (Spring Boot hands JavaMigration beans to Flyway), so they get the
 * configured key; the class name gives the version, as Flyway requires.
 */
public abstract class EncryptColumnsMigration extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(EncryptColumnsMigration.class);

    private final FieldCipher cipher;
    private final List<EncryptedColumn> columns;

    protected EncryptColumnsMigration(FieldCipher cipher, List<EncryptedColumn> columns) {
        this.cipher = cipher;
        this.columns = List.copyOf(columns);
    }

    @Override
    public void migrate(Context context) throws Exception {
        for (EncryptedColumn column : columns) {
            int encrypted = EncryptedTextRewrite.rewrite(context.getConnection(), column, cipher::encrypt);
            if (encrypted > 0) {
                log.info("Encrypted {} stored values of {} under key '{}'", encrypted, column.qualified(),
                        cipher.currentKeyId());
            }
        }
    }
}
