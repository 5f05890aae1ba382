package fearless.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan finds each forbidden use, with its line, and leaves ordinary concurrent code alone. */
class BytecodeScanTest {

    @TempDir
    Path dir;

    @Test
    void ordinary_concurrent_code_is_clean() throws IOException {
        List<Violation> found = scan("p/Clean", """
                package p;
                import java.util.concurrent.atomic.AtomicReference;
                import java.lang.invoke.MethodHandles;
                import java.lang.invoke.VarHandle;
                public class Clean {
                    private final Object monitor = new Object();
                    private volatile int state;
                    private static final VarHandle STATE;
                    static {
                        try { STATE = MethodHandles.lookup().findVarHandle(Clean.class, "state", int.class); }
                        catch (ReflectiveOperationException e) { throw new ExceptionInInitializerError(e); }
                    }
                    void run() throws InterruptedException {
                        synchronized (monitor) { monitor.notifyAll(); }
                        new AtomicReference<>("x").compareAndSet("x", "y");
                        Runnable r = () -> System.out.println(getClass().getSimpleName() + String.format("%d", 1));
                        r.run();
                        Thread t = new Thread(r); t.start(); t.join();
                        int[] copy = new int[] {1}.clone();
                        STATE.compareAndSet(this, 0, copy[0]);
                    }
                }
                """);
        assertEquals(List.of(), found);
    }

    @Test
    void exit_halt_and_method_references_are_found_with_their_line() throws IOException {
        List<Violation> found = scan("p/Exits", """
                package p;
                public class Exits {
                    void a() { System.exit(1); }
                    void b() { Runtime.getRuntime().halt(2); }
                    java.util.function.IntConsumer c() { return System::exit; }
                }
                """);
        assertEquals(3, found.size(), found.toString());
        assertEquals("Exits.java:3", found.get(0).where());
        assertEquals("calls java.lang.System.exit", found.get(0).what());
        assertEquals("Exits.java:4", found.get(1).where());
        assertTrue(found.get(2).what().startsWith("refers to java.lang.System.exit"), found.get(2).toString());
    }

    @Test
    void reflection_processes_hooks_files_and_internals_are_found() throws IOException {
        List<Violation> found = scan("p/Sneaky", """
                package p;
                public class Sneaky {
                    void a() throws Exception { Class.forName("x").getDeclaredField("f").setAccessible(true); }
                    void b() throws Exception { new ProcessBuilder("sh").start(); }
                    void c() { Runtime.getRuntime().addShutdownHook(new Thread()); }
                    void d() throws Exception { java.nio.file.Files.readString(java.nio.file.Path.of("x")); }
                    void e() { System.loadLibrary("x"); }
                    void f() { System.setOut(null); }
                }
                """);
        String text = found.toString();
        for (String expected : List.of("java.lang.Class.forName", "java.lang.reflect.Field.setAccessible",
                "java.lang.ProcessBuilder", "addShutdownHook", "java.nio.file.Files.readString",
                "System.loadLibrary", "System.setOut")) {
            assertTrue(text.contains(expected), expected + " not found in " + text);
        }
    }

    /** What passed the old deny-list: each is now refused because it is not on the allow-list. */
    @Test
    void what_a_deny_list_missed_is_refused() throws IOException {
        List<Violation> found = scan("p/Missed", """
                package p;
                import java.lang.invoke.*;
                public class Missed {
                    void a() throws Throwable {
                        MethodHandles.lookup().findStatic(System.class, "exit", MethodType.methodType(void.class, int.class));
                    }
                    void b() throws Throwable { MethodType.fromMethodDescriptorString("()V", null); }
                    Object c() { return java.util.spi.ToolProvider.findFirst("javac"); }
                    void d() throws Exception { javax.xml.transform.TransformerFactory.newInstance(); }
                    void e() throws Exception { new java.util.logging.FileHandler("x"); }
                    void f() { System.getProperties().setProperty("fearless.seed", "1"); }
                    String g() { return System.getenv("TOKEN"); }
                    void h() { new ThreadGroup("g"); }
                    Object i() { return Thread.currentThread().getThreadGroup(); }
                    void j() throws Throwable { MethodHandles.lookup().findConstructor(Missed.class, MethodType.methodType(void.class)); }
                    Object k() { return java.util.ServiceLoader.load(Runnable.class); }
                    Object l() throws Exception { return new java.util.Formatter("out.txt"); }
                }
                """);
        String text = found.toString();
        for (String expected : List.of("MethodHandles$Lookup.findStatic", "java.lang.invoke.MethodType",
                "java.util.spi.ToolProvider", "javax.xml.transform.TransformerFactory", "java.util.logging.FileHandler",
                "java.lang.System.getProperties", "java.lang.System.getenv", "java.lang.ThreadGroup",
                "java.lang.Thread.getThreadGroup", "findConstructor", "java.util.ServiceLoader",
                "java.util.Formatter (new)")) {
            assertTrue(text.contains(expected), expected + " not found in " + text);
        }
    }

    @Test
    void stack_walking_is_refused_also_where_a_subclass_inherits_it() throws IOException {
        List<Violation> found = scan("p/Walker", """
                package p;
                public class Walker {
                    static class Mine extends IllegalStateException { }
                    static class MyThread extends Thread { }
                    Object a() { return new Throwable().getStackTrace(); }
                    Object b() { return StackWalker.getInstance(); }
                    Object c() { return Thread.getAllStackTraces(); }
                    Object d() { return new Mine().getStackTrace(); }
                    Object e() { return new MyThread().getStackTrace(); }
                    Object f() { return new IllegalStateException().getStackTrace(); }
                    void g() { new Throwable().printStackTrace(); }
                }
                """);
        String text = found.toString();
        for (String expected : List.of("java.lang.Throwable.getStackTrace", "java.lang.StackWalker",
                "java.lang.Thread.getAllStackTraces", "p.Walker$Mine.getStackTrace", "p.Walker$MyThread.getStackTrace",
                "java.lang.IllegalStateException.getStackTrace")) {
            assertTrue(text.contains(expected), expected + " not found in " + text);
        }
        assertTrue(found.stream().noneMatch(v -> v.what().contains("printStackTrace")), text);
    }

    @Test
    void class_literals_of_the_grader_and_foreign_bootstraps_are_refused() throws IOException {
        List<Violation> found = scan("p/Literal", """
                package p;
                public class Literal {
                    Object a() { return org.junit.jupiter.api.Test.class; }
                    Object b() { return java.util.logging.Logger.class; }
                }
                """);
        String text = found.toString();
        assertTrue(text.contains("refers to org.junit.jupiter.api.Test"), text);
        assertTrue(text.contains("refers to java.util.logging.Logger"), text);
    }

    @Test
    void an_exercise_can_widen_the_list() throws IOException {
        String source = """
                package p;
                public class Wide { Object a() { return java.util.logging.Logger.getLogger("x"); } }
                """;
        assertFalse(scan("p/Wide", source).isEmpty());
        assertEquals(List.of(), scan("p/Wide", source, AllowList.standard().plus(List.of("package java.util.logging"))));
    }

    @Test
    void classes_in_reserved_packages_are_found() throws IOException {
        List<Violation> found = scan("fearless/grader/check/Seeds2", """
                package fearless.grader.check;
                public class Seeds2 { }
                """);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).what().contains("in a package it does not own"));
    }

    private List<Violation> scan(String name, String source) throws IOException {
        return scan(name, source, AllowList.standard());
    }

    private List<Violation> scan(String name, String source, AllowList allowed) throws IOException {
        Path file = dir.resolve("src").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        String classPath = System.getProperty("java.class.path");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-cp", classPath, "-d", out.toString(),
                file.toString());
        assertEquals(0, rc, "fixture does not compile");
        List<byte[]> all = new java.util.ArrayList<>();
        try (var walk = Files.walk(out)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                all.add(Files.readAllBytes(p));
            }
        }
        BytecodeScan scan = new BytecodeScan(all);
        List<Violation> found = new java.util.ArrayList<>();
        try (var walk = Files.walk(out.resolve(name).getParent())) {
            for (Path p : walk.filter(p -> p.getFileName().toString().startsWith(Path.of(name).getFileName() + "")
                    && p.toString().endsWith(".class")).sorted().toList()) {
                found.addAll(scan.scan(Files.readAllBytes(p), p.getFileName().toString(), allowed));
            }
        }
        return found;
    }
}
