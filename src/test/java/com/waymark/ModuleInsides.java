package com.waymark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.springframework.data.repository.Repository;

/**
 * The rules that give modules insides, kept apart from {@link ModularityTest} so that {@link ModuleInsidesTest} can
 * show each of them failing on a small fixture: no module depends on another's Spring Data repository or JPA entity
 * (entities: but for a listed exception), and no module's SQL names a table another module owns.
 */
final class ModuleInsides {

    private ModuleInsides() {
    }

    /** The module a class belongs to: the package segment after {@code base}, or null outside it. */
    static String module(String base, JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(base + ".")) {
            return null;
        }
        String rest = name.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** A dependency on a type nested in an entity (its status enum, say) is a dependency on the entity. */
    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    /** A dependency of a class in one module on another module's repository or entity. */
    record Crossing(String fromModule, String target, boolean repository, String description) {
    }

    /** Every crossing among {@code classes}, modules being the packages under {@code base}; {@code free} may use any. */
    static List<Crossing> crossings(Iterable<JavaClass> classes, String base, Set<String> free) {
        List<Crossing> found = new ArrayList<>();
        for (JavaClass origin : classes) {
            String from = module(base, origin);
            if (from == null || free.contains(from)) {
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = outermost(dependency.getTargetClass());
                String to = module(base, target);
                if (to == null || to.equals(from)) {
                    continue;
                }
                boolean repository = target.isAssignableTo(Repository.class);
                if (repository || target.isAnnotatedWith(Entity.class)) {
                    found.add(new Crossing(from, target.getName(), repository, dependency.getDescription()));
                }
            }
        }
        return found;
    }

    /**
     * No class in one module depends on another module's repository, nor on its entity unless {@code allowed} lists
     * that entity (by class name) for the depending module.
     */
    static ArchCondition<JavaClass> keepToTheirOwnPersistence(String base, Set<String> free,
                                                              Map<String, Set<String>> allowed) {
        return new ArchCondition<>("depend on no other module's repository, nor on its entity unless listed") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Crossing crossing : crossings(List.of(origin), base, free)) {
                    if (crossing.repository()
                            || !allowed.getOrDefault(crossing.target(), Set.of()).contains(crossing.fromModule())) {
                        events.add(SimpleConditionEvent.violated(origin, crossing.description()));
                    }
                }
            }
        };
    }

    /** {@code from check_in}, {@code join programme p}, {@code insert into x}, {@code update x set}, {@code delete from x}. */
    private static final Pattern TABLE = Pattern.compile("(?i:\\b(?:from|join|into|update|table))\\s+([a-z][a-z0-9_]*)");
    private static final Pattern SQL = Pattern.compile("(?i)\\b(select|insert\\s+into|update|delete\\s+from)\\b");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern CONCATENATION = Pattern.compile("\"\\s*\\+\\s*\"");

    /**
     * The names this source's SQL reads or writes. SQL is any string literal (after joining literals concatenated with
     * {@code +}) that reads like a statement; table names are lower case, as every migration writes them (JPQL names
     * entities, in capitals, and is not looked at).
     */
    static Set<String> tablesNamed(String source) {
        Set<String> found = new TreeSet<>();
        Matcher literal = LITERAL.matcher(CONCATENATION.matcher(source).replaceAll(""));
        while (literal.find()) {
            String text = literal.group(1);
            if (SQL.matcher(text).find()) {
                Matcher table = TABLE.matcher(text);
                while (table.find()) {
                    found.add(table.group(1));
                }
            }
        }
        return found;
    }

    /** Which files of which module (top-level folder under {@code root}) name each table in SQL. */
    static Map<String, Map<String, Set<String>>> tablesNamedByModule(Path root, Set<String> free) {
        Map<String, Map<String, Set<String>>> named = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                String module = relative.getName(0).toString();
                if (relative.getNameCount() < 2 || free.contains(module)) {
                    continue;
                }
                for (String table : tablesNamed(Files.readString(file))) {
                    named.computeIfAbsent(table, t -> new TreeMap<>()).computeIfAbsent(module, m -> new TreeSet<>())
                            .add(relative.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return named;
    }

    /**
     * Each SQL use of a table by a module that does not own it. A table's owner is the module {@code owners} names
     * (its entity's module, or declared); a table nobody declared is owned by the one module whose SQL names it, and
     * one named by several with no owner declared is reported too.
     */
    static List<String> foreignTables(Map<String, Map<String, Set<String>>> named, Set<String> tables,
                                      Map<String, String> owners) {
        List<String> found = new ArrayList<>();
        named.forEach((table, byModule) -> {
            if (!tables.contains(table)) {
                return; // an alias, a keyword or a word in a message, not one of ours
            }
            String owner = owners.get(table);
            if (owner == null && byModule.size() > 1) {
                found.add(table + " has no declared owner and is named in SQL by " + byModule);
                return;
            }
            byModule.forEach((module, files) -> {
                if (owner != null && !owner.equals(module)) {
                    found.add(table + " (" + owner + "'s) is named in SQL by " + module + ": " + files);
                }
            });
        });
        return found;
    }

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?"
            + "([a-z][a-z0-9_]*)");

    /** Every table the migrations under {@code migrations} create. */
    static Set<String> tablesCreated(Path migrations) {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(migrations)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher create = CREATE_TABLE.matcher(Files.readString(file));
                while (create.find()) {
                    tables.add(create.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }
}
