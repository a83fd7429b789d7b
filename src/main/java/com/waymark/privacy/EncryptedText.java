package com.waymark.privacy;

import jakarta.persistence.AttributeConverter;

/**
 * JPA converter for columns holding what people wrote in their own words: plaintext in the entity, ciphertext in
 * the database. Use as {@code @Convert(converter = EncryptedText.class)}; Hibernate gets it from Spring, key and all.
 */
public class EncryptedText implements AttributeConverter<String, String> {

    private final FieldCipher cipher;

    public EncryptedText(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        return cipher.encrypt(plaintext);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decrypt(stored);
    }
}
