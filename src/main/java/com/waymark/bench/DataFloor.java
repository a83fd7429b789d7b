package com.waymark.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.waymark.privacy.FieldCipher;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.repository.config.BootstrapMode;

/**
 * Waymark's data layer and nothing else of Waymark's, added to the bare echo bot by {@code startup-bench --floor true}:
 * its Flyway migrations applied to a scratch H2 database, Hibernate over its entities with the schema validated, and
 * Spring Data's repositories over them built before the first answer, each as Waymark's start does them (the same
 * migrations, those in SQL and those in Java, settings and bootstrap mode). So the benchmark can say what the fixed
 * stack alone costs a start, the floor under Waymark's own beans, against the same echo bot.
 * <p>
 * Not a {@code @Configuration}: Waymark's component scan passes it by; only {@link EchoBotWorker} adds it.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
        JpaRepositoriesAutoConfiguration.class, TransactionAutoConfiguration.class,
        TaskExecutionAutoConfiguration.class})
@EntityScan("com.waymark")
// Waymark's migrations written in Java (encrypting what earlier versions stored) are beans of their modules.
@ComponentScan(basePackages = "com.waymark", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = JavaMigration.class))
@EnableJpaRepositories(basePackages = "com.waymark", bootstrapMode = BootstrapMode.DEFERRED)
final class DataFloor {

    /** The echo bot's argument that adds this data layer, on a scratch database in the folder it names. */
    static final String DATA_DIR_ARGUMENT = "--floor-data-dir=";

    /** Waymark's data settings (application.yml), on the scratch database in {@code dataDir}. */
    static List<String> arguments(Path dataDir) {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("waymark")
                        + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128",
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor}",
                "--spring.jpa.hibernate.ddl-auto=validate", "--spring.jpa.open-in-view=false");
    }

    /** The encrypted columns' converters need a cipher; a throwaway key, as nothing here is ever read back. */
    @Bean
    FieldCipher floorCipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, byte[]> keys = new HashMap<>();
        keys.put("floor", key);
        return new FieldCipher("floor", keys);
    }
}
