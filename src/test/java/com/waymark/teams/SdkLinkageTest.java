package com.waymark.teams;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bot Framework SDK was compiled against okhttp 3.12, msal4j 1.11, nimbus-jose-jwt 9, java-jwt 3.13, jwks-rsa
 * 0.15, guava 30 and commons-io 2.8; pom.xml raises them. This reads the SDK's bytecode and checks that every
 * method, constructor and field it uses from those libraries exists in the versions on the classpath, so an
 * upgrade that would end in NoSuchMethodError at run time (perhaps only on a path no other test takes, such as
 * fetching an outbound token) fails here instead.
 */
class SdkLinkageTest {

    private static final List<String> SDK_JARS = List.of("com/microsoft/bot/builder/BotFrameworkAdapter.class",
            "com/microsoft/bot/connector/authentication/MicrosoftAppCredentials.class",
            "com/microsoft/bot/integration/BotFrameworkHttpAdapter.class", "com/microsoft/bot/schema/Activity.class");
    private static final List<String> UPGRADED = List.of("okhttp3/", "okio/", "com/microsoft/aad/msal4j/",
            "com/nimbusds/", "com/auth0/", "com/google/common/", "org/apache/commons/io/", "retrofit2/");

    /**
     * SDK classes whose use of a library that is no longer on the classpath is accepted: nothing in the SDK refers to
     * them, and Waymark must not either (checked below). RegisterClassMiddleware calls oauth2-oidc-sdk's
     * StringUtils.isBlank, which only msal4j 1.11 brought along; msal4j 1.26 has no such dependency.
     */
    private static final Set<String> UNUSED_SDK_CLASSES = Set.of("com/microsoft/bot/builder/RegisterClassMiddleware");

    record Use(String owner, String name, String descriptor, boolean field) {
        @Override
        public String toString() {
            return owner.replace('/', '.') + "." + name + descriptor;
        }
    }

    @Test
    void everythingTheSdkCallsInTheUpgradedLibrariesExists() throws Exception {
        Set<Use> uses = new HashSet<>();
        Set<String> referencesToUnused = new TreeSet<>();
        int classes = 0;
        for (String marker : SDK_JARS) {
            URL url = getClass().getClassLoader().getResource(marker);
            assertThat(url).as(marker).isNotNull();
            try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            String name = entry.getName().replace(".class", "");
                            collect(in, UNUSED_SDK_CLASSES.contains(name) ? new HashSet<>() : uses, name,
                                    referencesToUnused);
                            classes++;
                        }
                    }
                }
            }
        }
        assertThat(classes).isGreaterThan(400);
        assertThat(uses).as("the SDK's uses of the upgraded libraries").hasSizeGreaterThan(100);

        Set<String> missing = new TreeSet<>();
        for (Use use : uses) {
            if (!resolves(use)) {
                missing.add(use.toString());
            }
        }
        assertThat(missing).as("used by the Bot Framework SDK, absent from the libraries on the classpath").isEmpty();
        assertThat(referencesToUnused).as("SDK classes using the SDK classes this test excuses").isEmpty();
    }

    @Test
    void waymarkUsesNoneOfTheExcusedSdkClasses() {
        var main = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.waymark");
        for (String unused : UNUSED_SDK_CLASSES) {
            com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().should().dependOnClassesThat()
                    .haveFullyQualifiedName(unused.replace('/', '.'))
                    .because("its library is gone since msal4j was raised (SdkLinkageTest)").check(main);
        }
    }

    private static void collect(InputStream classFile, Set<Use> uses, String self, Set<String> referencesToUnused)
            throws IOException {
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (UNUSED_SDK_CLASSES.contains(owner) && !owner.equals(self)) {
                            referencesToUnused.add(self + " -> " + owner);
                        }
                        if (upgraded(owner)) {
                            uses.add(new Use(owner, method, desc, false));
                        }
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                        if (upgraded(owner)) {
                            uses.add(new Use(owner, field, desc, true));
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    private static boolean upgraded(String owner) {
        return !owner.startsWith("[") && UPGRADED.stream().anyMatch(owner::startsWith);
    }

    /** Looks the member up where the JVM would: the class, its superclasses and all their interfaces. */
    private static boolean resolves(Use use) {
        Class<?> owner;
        try {
            owner = Class.forName(use.owner().replace('/', '.'), false, SdkLinkageTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(owner));
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            if (use.field()) {
                for (Field field : type.getDeclaredFields()) {
                    if (field.getName().equals(use.name()) && Type.getDescriptor(field.getType()).equals(use.descriptor())) {
                        return true;
                    }
                }
            } else if (use.name().equals("<init>")) {
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    if (Type.getConstructorDescriptor(constructor).equals(use.descriptor())) {
                        return true;
                    }
                }
                return false; // constructors are not inherited
            } else {
                for (Method method : type.getDeclaredMethods()) {
                    if (method.getName().equals(use.name()) && Type.getMethodDescriptor(method).equals(use.descriptor())) {
                        return true;
                    }
                }
            }
            if (type.getSuperclass() != null) {
                todo.push(type.getSuperclass());
            }
            todo.addAll(List.of(type.getInterfaces()));
            if (type.isInterface()) {
                todo.add(Object.class);
            }
        }
        return false;
    }
}
