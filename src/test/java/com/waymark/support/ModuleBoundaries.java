package com.waymark.support;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.waymark.WaymarkApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a module test checks about the module's edges: the modules its code uses are exactly the ones the architecture
 * declares for it ({@code docs/architecture.md}, "may use"), and the context the test started holds beans of the module
 * and those modules only, so the module works with nothing else. The stand-ins are the mocks a test adds for what its
 * dependencies need in turn (schedule's coach-call delivery needs {@code care}): they are named, never found.
 */
public final class ModuleBoundaries {

    private static final String BASE = "com.waymark.";
    /** Scanned once per test JVM: every module test asks the same question of the same code. */
    private static ApplicationModules modules;

    private ModuleBoundaries() {
    }

    public static void assertStartsWithOnlyItsDeclaredDependencies(ConfigurableApplicationContext context,
                                                                   String module, Set<String> declared,
                                                                   Class<?>... standIns) {
        ApplicationModule own = modules().getModuleByName(module).orElseThrow();
        Set<String> used = own.getDirectDependencies(modules()).uniqueModules().map(ApplicationModule::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(used).as("the modules %s's code uses", module).containsExactlyInAnyOrderElementsOf(declared);

        Set<String> allowed = new TreeSet<>(declared);
        allowed.add(module);
        Set<String> strangers = new TreeSet<>();
        for (String name : context.getBeanFactory().getBeanDefinitionNames()) {
            Class<?> type = context.getBeanFactory().getType(name, false);
            if (type == null) {
                continue;
            }
            Class<?> user = ClassUtils.getUserClass(type);
            String owner = moduleOf(user);
            if (owner != null && !allowed.contains(owner) && modules().getModuleByName(owner).isPresent()
                    && Arrays.stream(standIns).noneMatch(s -> s.isAssignableFrom(user))) {
                strangers.add(name + " (" + user.getName() + ")");
            }
        }
        assertThat(strangers).as("beans of modules %s does not declare", module).isEmpty();
    }

    /**
     * The package under {@code com.waymark} a type is in (a module, or the tests' own {@code support}), or null for
     * the application class and types outside the application.
     */
    static String moduleOf(Class<?> type) {
        String name = type.getName();
        if (!name.startsWith(BASE)) {
            return null;
        }
        String rest = name.substring(BASE.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? null : rest.substring(0, dot);
    }

    private static synchronized ApplicationModules modules() {
        if (modules == null) {
            modules = ApplicationModules.of(WaymarkApplication.class);
        }
        return modules;
    }
}
