package com.waymark;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pom's first dependencies put the libraries a start loads most classes from at the front of the classpath, which
 * the runnable jar's {@code classpath.idx} follows as Maven's does here: the class loader looks through the jars in
 * that order for every class, and in {@code java -jar} each look into a nested jar costs.
 */
class ClasspathOrderTest {

    @Test
    void theLibrariesAStartLoadsMostFromComeBeforeTheRest() throws IOException {
        List<String> jars = Collections.list(ClassLoader.getSystemClassLoader().getResources("META-INF/MANIFEST.MF"))
                .stream().map(URL::toString).filter(url -> url.contains(".jar!")).toList();
        int firstOfTheRest = position(jars, "/pdfbox-");

        for (String library : List.of("/hibernate-core-", "/byte-buddy-", "/h2-", "/spring-boot-", "/spring-core-",
                "/jackson-databind-", "/spring-boot-autoconfigure-", "/tomcat-embed-core-", "/spring-data-jpa-",
                "/spring-data-commons-", "/spring-context-", "/spring-web-", "/reactor-core-", "/flyway-core-",
                "/spring-beans-", "/spring-boot-actuator-", "/spring-webmvc-")) {
            assertThat(position(jars, library)).as(library).isLessThan(firstOfTheRest);
        }
    }

    private static int position(List<String> jars, String library) {
        for (int i = 0; i < jars.size(); i++) {
            if (jars.get(i).contains(library)) {
                return i;
            }
        }
        throw new AssertionError(library + " is not on the classpath: " + jars);
    }
}
