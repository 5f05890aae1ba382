package fearless.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        Path file = dir.resolve("src").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", out.toString(), file.toString());
        assertEquals(0, rc, "fixture does not compile");
        return BytecodeScan.scan(out.resolve(name + ".class"));
    }
}
