package fearless.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads a submission's compiled classes, before any of them runs, for what it may not touch
 * ({@link Forbidden}): process exit and spawning, reflection, native code, shutdown hooks, files
 * and network, JDK internals, and classes declared in reserved packages. Method references count
 * as calls ({@code System::exit} is as forbidden as {@code System.exit(0)}).
 */
public final class BytecodeScan {

    private BytecodeScan() {
    }

    /** Every violation in one class file. */
    public static List<Violation> scan(Path classFile) {
        try {
            ClassReader reader = new ClassReader(Files.readAllBytes(classFile));
            Collector collector = new Collector();
            reader.accept(collector, ClassReader.SKIP_FRAMES);
            return List.copyOf(collector.violations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException unreadable) {
            return List.of(new Violation(classFile.getFileName().toString(), classFile.getFileName().toString(),
                    "is not a class file the grader can read", "only javac's output is graded"));
        }
    }

    private static final class Collector extends ClassVisitor {
        private final Set<Violation> violations = new LinkedHashSet<>();
        private String className = "?";
        private String source;

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            className = name;
            if (Forbidden.reserved(name)) {
                add(0, "declares " + javaName(name) + " in a package it does not own",
                        "the grader's, the api's and the JDK's packages cannot be replaced");
            }
            if (superName != null) {
                checkType(superName, 0, "extends ");
            }
            for (String i : interfaces) {
                checkType(i, 0, "implements ");
            }
        }

        @Override
        public void visitSource(String file, String debug) {
            source = file;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                private int line;

                @Override
                public void visitLineNumber(int number, Label start) {
                    line = number;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                    checkMember(owner, member, line, "calls ");
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                    checkMember(owner, member, line, "uses ");
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    checkType(type, line, "uses ");
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Handle handle) {
                        checkMember(handle.getOwner(), handle.getName(), line, "refers to ");
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... args) {
                    for (Object arg : args) {
                        if (arg instanceof Handle handle) {
                            checkMember(handle.getOwner(), handle.getName(), line, "refers to ");
                        }
                    }
                }
            };
        }

        private void checkMember(String owner, String member, int line, String verb) {
            if (Type.getObjectType(owner).getSort() == Type.ARRAY) {
                return; // array.clone() and friends
            }
            Forbidden.why(owner, member).ifPresent(why ->
                    add(line, verb + javaName(owner) + (member.equals("<init>") ? " (new)" : "." + member), why));
        }

        /** A type is forbidden as a whole only where every member of it is (an empty member never matches a list). */
        private void checkType(String type, int line, String verb) {
            Forbidden.why(type, "").ifPresent(why -> add(line, verb + javaName(type), why));
        }

        private void add(int line, String what, String why) {
            String where = source == null ? javaName(className) : source + (line > 0 ? ":" + line : "");
            violations.add(new Violation(javaName(className), where, what, why));
        }

        private static String javaName(String internal) {
            return internal.replace('/', '.');
        }
    }
}
