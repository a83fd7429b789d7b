package com.waymark.ops;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.waymark.WaymarkApplication;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production start uses Spring AOT (deploy/run.sh, the container image), whose bean definitions are fixed when the
 * jar is built, with no profile and the default settings. A bean of Waymark's chosen by {@code @Profile} or a
 * {@code @Conditional...} annotation would be chosen then, once, and a setting or profile given where it runs would be
 * silently ignored. So none is: such choices are made at run time, inside a bean ({@code insight.NarratorConfiguration})
 * or by a registry post-processor that runs at every start ({@code demo.DemoConfiguration}).
 */
class AotReadyBeansTest {

    @Test
    void noneOfWaymarksBeansIsChosenByAProfileOrACondition() throws IOException, URISyntaxException {
        Path classes = Path.of(WaymarkApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Resource[] found = new PathMatchingResourcePatternResolver()
                .getResources(classes.toUri() + "com/waymark/**/*.class");
        MetadataReaderFactory readers = new CachingMetadataReaderFactory();
        List<String> conditional = new ArrayList<>();
        for (Resource resource : found) {
            AnnotationMetadata type = readers.getMetadataReader(resource).getAnnotationMetadata();
            if (type.isAnnotated(Conditional.class.getName())) {
                conditional.add(type.getClassName());
            }
            for (MethodMetadata method : type.getAnnotatedMethods(Conditional.class.getName())) {
                conditional.add(type.getClassName() + "." + method.getMethodName());
            }
        }

        assertThat(found).hasSizeGreaterThan(300);
        assertThat(conditional).isEmpty();
    }
}
