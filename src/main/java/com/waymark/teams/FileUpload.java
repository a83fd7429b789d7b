package com.waymark.teams;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts a file's bytes where Teams asked, after the person chose Allow on a file consent card: the {@code uploadUrl}
 * of a OneDrive upload session Teams opened for them, in one PUT with its Content-Range. That address is itself the
 * permission (no token of ours goes with it), so it is never logged, and the bytes leave only over HTTPS (plain HTTP
 * only to this machine, where the tests' stand-in for OneDrive listens).
 */
@Component
class FileUpload {

    private static final Logger log = LoggerFactory.getLogger(FileUpload.class);
    /** Teams waits for the invoke's answer, and the upload happens before it: a slow store gets a kind answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Made on the first upload: building an HttpClient loads its TLS stack, which start-up need not pay for. */
    private volatile HttpClient http;

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                client = http;
            }
        }
        return client;
    }

    /** Whether the bytes were stored. Never throws: what went wrong is logged without the address or the contents. */
    boolean put(String uploadUrl, byte[] bytes) {
        URI target;
        try {
            target = URI.create(uploadUrl);
        } catch (IllegalArgumentException | NullPointerException e) {
            log.warn("File upload refused: the upload address Teams gave could not be read");
            return false;
        }
        if (!acceptable(target)) {
            log.warn("File upload refused: the upload address is neither HTTPS nor on this machine");
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Range", "bytes 0-" + (bytes.length - 1) + "/" + bytes.length)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            int status = http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return true;
            }
            log.warn("File upload answered HTTP {}", status);
            return false;
        } catch (IOException e) {
            log.warn("File upload failed: {}", e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean acceptable(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (target.getHost() == null) {
            return false;
        }
        return scheme.equals("https") || scheme.equals("http") && loopback(target.getHost());
    }

    static boolean loopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: a name is not looked up here, so it can't be made to point at this machine.
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
