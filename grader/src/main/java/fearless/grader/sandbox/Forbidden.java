package fearless.grader.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a submission may not touch, and why, in words a student understands. None of it is needed
 * by any exercise; all of it could end, escape or fool the grader. The list is the first line of
 * defence: what it misses, the child JVM's isolation still contains.
 */
final class Forbidden {

    /** One forbidden member or package: {@code owner} is an internal name or a package prefix ending in '/'. */
    private record Rule(String owner, Set<String> members, String why) {
        boolean matches(String className, String member) {
            boolean ownerMatches = owner.endsWith("/") ? className.startsWith(owner) : className.equals(owner);
            return ownerMatches && (members.isEmpty() || members.contains(member));
        }
    }

    private static final String EXIT = "ending the JVM is the grader's job";
    private static final String PROCESS = "a submission may not start processes";
    private static final String NATIVE = "a submission may not load native code";
    private static final String HOOK = "shutdown hooks run outside every check";
    private static final String REFLECTION = "reflection can reach into the grader's state";
    private static final String IO = "a submission needs no files or network";
    private static final String STREAMS = "the grader owns the standard streams and system properties";
    private static final String INTERNALS = "JDK internals bypass every guarantee the checks rely on";

    private static final List<Rule> RULES = List.of(
            new Rule("java/lang/System", Set.of("exit"), EXIT),
            new Rule("java/lang/Runtime", Set.of("exit", "halt"), EXIT),
            new Rule("java/lang/Runtime", Set.of("addShutdownHook", "removeShutdownHook"), HOOK),
            new Rule("java/lang/Runtime", Set.of("exec"), PROCESS),
            new Rule("java/lang/ProcessBuilder", Set.of(), PROCESS),
            new Rule("java/lang/ProcessHandle", Set.of(), PROCESS),
            new Rule("java/lang/System", Set.of("load", "loadLibrary", "mapLibraryName"), NATIVE),
            new Rule("java/lang/Runtime", Set.of("load", "loadLibrary"), NATIVE),
            new Rule("java/lang/System", Set.of("setIn", "setOut", "setErr", "setProperty", "setProperties",
                    "clearProperty", "setSecurityManager", "inheritedChannel"), STREAMS),
            new Rule("java/lang/reflect/", Set.of(), REFLECTION),
            new Rule("java/lang/Class", Set.of("forName", "getDeclaredField", "getDeclaredFields", "getDeclaredMethod",
                    "getDeclaredMethods", "getDeclaredConstructor", "getDeclaredConstructors", "getField", "getFields",
                    "getMethod", "getMethods", "getConstructor", "getConstructors", "newInstance", "getClassLoader",
                    "getProtectionDomain", "getRecordComponents", "getEnclosingMethod"), REFLECTION),
            new Rule("java/lang/invoke/MethodHandles", Set.of("privateLookupIn", "reflectAs", "publicLookup"), REFLECTION),
            new Rule("java/lang/invoke/MethodHandles$Lookup", Set.of("in", "unreflect", "unreflectGetter",
                    "unreflectSetter", "unreflectSpecial", "unreflectConstructor", "unreflectVarHandle", "findClass",
                    "defineClass", "defineHiddenClass", "accessClass", "dropLookupMode", "revealDirect"), REFLECTION),
            new Rule("java/lang/ClassLoader", Set.of(), REFLECTION),
            new Rule("java/lang/Module", Set.of(), REFLECTION),
            new Rule("java/lang/ModuleLayer", Set.of(), REFLECTION),
            new Rule("java/lang/StackWalker", Set.of(), REFLECTION),
            new Rule("java/lang/instrument/", Set.of(), INTERNALS),
            new Rule("java/lang/management/", Set.of(), INTERNALS),
            new Rule("javax/management/", Set.of(), INTERNALS),
            new Rule("sun/", Set.of(), INTERNALS),
            new Rule("jdk/internal/", Set.of(), INTERNALS),
            new Rule("com/sun/", Set.of(), INTERNALS),
            new Rule("java/lang/Thread", Set.of("setDefaultUncaughtExceptionHandler", "stop", "suspend", "resume"),
                    "a submission may not stop other threads or hide their failures"),
            new Rule("java/io/File", Set.of(), IO),
            new Rule("java/io/FileInputStream", Set.of(), IO),
            new Rule("java/io/FileOutputStream", Set.of(), IO),
            new Rule("java/io/FileReader", Set.of(), IO),
            new Rule("java/io/FileWriter", Set.of(), IO),
            new Rule("java/io/RandomAccessFile", Set.of(), IO),
            new Rule("java/io/FileDescriptor", Set.of(), IO),
            new Rule("java/io/PrintStream", Set.of("<init>"), IO),
            new Rule("java/io/PrintWriter", Set.of("<init>"), IO),
            new Rule("java/util/Formatter", Set.of("<init>"), IO),
            new Rule("java/util/Scanner", Set.of("<init>"), IO),
            new Rule("java/nio/file/", Set.of(), IO),
            new Rule("java/nio/channels/", Set.of(), IO),
            new Rule("java/net/", Set.of(), IO));

    /** Packages a submission may not declare classes in: they belong to the grader, the api or the JDK. */
    private static final List<String> RESERVED = List.of("fearless/api/", "fearless/grader/", "org/junit/",
            "org/opentest4j/", "org/jetbrains/", "org/quicktheories/", "com/tngtech/", "com/fasterxml/",
            "picocli/", "kotlin/", "kotlinx/", "org/objectweb/", "java/", "javax/", "jdk/", "sun/", "com/sun/");

    private Forbidden() {
    }

    /** Why using {@code member} of {@code className} (internal names) is forbidden, if it is. */
    static Optional<String> why(String className, String member) {
        return RULES.stream().filter(r -> r.matches(className, member)).map(Rule::why).findFirst();
    }

    /** Whether a class of that internal name would sit in a package the submission does not own. */
    static boolean reserved(String className) {
        return RESERVED.stream().anyMatch(className::startsWith);
    }
}
