package com.waymark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.waymark.bench.ConnectorStub;

/**
 * What a test base class starts in a static field, before Spring reads its properties: a scratch folder for the
 * application's database and files, and a connector stub standing in for Teams. Static initialisers can't throw
 * checked exceptions, so a failure here is unchecked and fails the class.
 */
public final class Scratch {

    private Scratch() {
    }

    /** A new empty folder under the system's temporary folder, its name starting {@code prefix}. */
    public static Path dir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connector stub listening on a free local port. */
    public static ConnectorStub connector() {
        try {
            return new ConnectorStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
