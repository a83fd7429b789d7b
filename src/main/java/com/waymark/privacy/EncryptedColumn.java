package com.waymark.privacy;

/**
 * One database column whose values {@link FieldCipher} wrote, so that a key rotation, the start-up key check and
 * the registry's test all know it. Modules name their own columns ({@link EncryptedColumns}); privacy never needs
 * their classes.
 *
 * @param table the table
 * @param column the encrypted column
 * @param key the table's single-column key, to rewrite one row at a time
 * @param form how the value is stored
 */
public record EncryptedColumn(String table, String column, String key, Form form) {

    public enum Form {
        /** {@code <key id>:base64}, from {@link FieldCipher#encrypt(String)}; someone's words, so a value no key opens
         *  stops the start and fails its read. */
        TEXT,
        /** Binary, from {@link FieldCipher#seal(byte[])}, derived from text stored elsewhere: a value no key opens is
         *  deleted with its row and computed again. */
        DERIVED_BYTES
    }

    public EncryptedColumn {
        for (String name : new String[] {table, column, key}) {
            if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a plain SQL name: " + name);
            }
        }
    }

    public static EncryptedColumn text(String table, String column) {
        return new EncryptedColumn(table, column, "id", Form.TEXT);
    }

    public static EncryptedColumn derivedBytes(String table, String column, String key) {
        return new EncryptedColumn(table, column, key, Form.DERIVED_BYTES);
    }

    /** {@code table.column}, as people and logs name it. */
    public String qualified() {
        return table + "." + column;
    }
}
