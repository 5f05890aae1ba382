package fearless.grader.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads a submission's compiled classes, before any of them runs, against an {@link AllowList}:
 * every type it names (in instructions, descriptors, class literals, catch clauses, supertypes)
 * and every member it uses must be allowed, and an {@code invokedynamic} may only bootstrap what
 * {@code javac} emits for lambdas, string concatenation, records and switches. A member taken out
 * of a JDK class stays out where the submission's subclass inherits it. Method references count
 * as uses ({@code System::exit} is as refused as {@code System.exit(0)}).
 */
public final class BytecodeScan {

    /** The bootstraps {@code javac} emits, as {@code owner.name}; no other may run. */
    private static final Set<String> JAVAC_BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat",
            "java/lang/runtime/ObjectMethods.bootstrap",
            "java/lang/runtime/SwitchBootstraps.typeSwitch",
            "java/lang/runtime/SwitchBootstraps.enumSwitch");

    /** Packages a submission may not declare classes in: they belong to the grader, the api, its libraries or the JDK. */
    private static final List<String> RESERVED = List.of("fearless/api/", "fearless/grader/", "org/junit/",
            "org/opentest4j/", "org/apiguardian/", "org/jetbrains/", "org/quicktheories/", "com/tngtech/",
            "com/fasterxml/", "picocli/", "kotlin/", "kotlinx/", "org/objectweb/", "net/bytebuddy/", "sun/",
            "java/", "javax/", "jdk/", "com/sun/");

    private static final String INDY = "a submission may only use the invokedynamic forms javac writes"
            + " (lambdas, string concatenation, records, switches)";

    /** A submission class's place in the hierarchy. */
    private record Header(String superName, List<String> interfaces) {
    }

    private final Map<String, Header> submission = new HashMap<>();

    /** @param classes every class of the submission, as class-file bytes */
    public BytecodeScan(List<byte[]> classes) {
        for (byte[] bytes : classes) {
            try {
                ClassReader reader = new ClassReader(bytes);
                submission.put(reader.getClassName(), new Header(reader.getSuperName(), List.of(reader.getInterfaces())));
            } catch (RuntimeException unreadable) {
                // Reported when that class is scanned.
            }
        }
    }

    /** Every violation in one class file of the submission, judged by {@code allowed}. */
    public List<Violation> scan(byte[] classFile, String fileName, AllowList allowed) {
        try {
            Collector collector = new Collector(allowed);
            new ClassReader(classFile).accept(collector, ClassReader.SKIP_FRAMES);
            return List.copyOf(collector.violations);
        } catch (RuntimeException unreadable) {
            return List.of(new Violation(fileName, fileName, "is not a class file the grader can read",
                    "only javac's output is graded"));
        }
    }

    /** The JDK and api types a submission class inherits from, nearest first. */
    private List<String> jdkSupertypes(String type) {
        List<String> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(type));
        while (!todo.isEmpty()) {
            String t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            Header header = submission.get(t);
            if (header == null) {
                found.add(t);
            } else {
                todo.add(header.superName());
                todo.addAll(header.interfaces());
            }
        }
        return found;
    }

    private final class Collector extends ClassVisitor {
        private final AllowList allowed;
        private final Set<Violation> violations = new LinkedHashSet<>();
        private String className = "?";
        private String source;

        Collector(AllowList allowed) {
            super(Opcodes.ASM9);
            this.allowed = allowed;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            className = name;
            if (RESERVED.stream().anyMatch(name::startsWith)) {
                add(0, "declares " + javaName(name) + " in a package it does not own",
                        "the grader's, the api's, its libraries' and the JDK's packages cannot be replaced");
            }
            if (superName != null) {
                type(superName, 0, "extends ");
            }
            for (String i : interfaces) {
                type(i, 0, "implements ");
            }
        }

        @Override
        public void visitSource(String file, String debug) {
            source = file;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(Type.getType(descriptor), 0, "declares a field of type ");
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            descriptor(Type.getMethodType(descriptor), 0, "declares a method using ");
            if (exceptions != null) {
                for (String e : exceptions) {
                    type(e, 0, "throws ");
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                private int line;

                @Override
                public void visitLineNumber(int number, Label start) {
                    line = number;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                    member(owner, member, line, "calls ");
                    descriptor(Type.getMethodType(desc), line, "uses ");
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                    member(owner, member, line, "uses ");
                    descriptor(Type.getType(desc), line, "uses ");
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    descriptor(Type.getObjectType(type), line, "uses ");
                }

                @Override
                public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                    descriptor(Type.getType(descriptor), line, "uses ");
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    if (type != null) {
                        type(type, line, "catches ");
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value, line);
                }

                @Override
                public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... args) {
                    if (!JAVAC_BOOTSTRAPS.contains(bootstrap.getOwner() + "." + bootstrap.getName())) {
                        add(line, "bootstraps " + javaName(bootstrap.getOwner()) + "." + bootstrap.getName(), INDY);
                    }
                    descriptor(Type.getMethodType(desc), line, "uses ");
                    for (Object arg : args) {
                        constant(arg, line);
                    }
                }
            };
        }

        private void constant(Object value, int line) {
            if (value instanceof Type type) {
                descriptor(type, line, "refers to ");
            } else if (value instanceof Handle handle) {
                member(handle.getOwner(), handle.getName(), line, "refers to ");
                descriptor(Type.getType(handle.getDesc()), line, "refers to ");
            } else if (value instanceof ConstantDynamic dynamic) {
                add(line, "loads a dynamic constant through " + javaName(dynamic.getBootstrapMethod().getOwner()), INDY);
            }
        }

        /** Every class named in a field, method or class descriptor. */
        private void descriptor(Type type, int line, String verb) {
            switch (type.getSort()) {
                case Type.ARRAY -> descriptor(type.getElementType(), line, verb);
                case Type.OBJECT -> type(type.getInternalName(), line, verb);
                case Type.METHOD -> {
                    descriptor(type.getReturnType(), line, verb);
                    for (Type argument : type.getArgumentTypes()) {
                        descriptor(argument, line, verb);
                    }
                }
                default -> { }
            }
        }

        private void type(String internalName, int line, String verb) {
            if (internalName.startsWith("[")) {
                descriptor(Type.getType(internalName), line, verb);
                return;
            }
            if (!submission.containsKey(internalName)) {
                allowed.typeUse(internalName).ifPresent(why -> add(line, verb + javaName(internalName), why));
            }
        }

        private void member(String owner, String member, int line, String verb) {
            if (owner.startsWith("[")) {
                descriptor(Type.getType(owner), line, verb); // array.clone() and friends
                return;
            }
            Optional<String> why = submission.containsKey(owner)
                    ? allowed.inherited(jdkSupertypes(owner), member)
                    : allowed.memberUse(owner, member);
            why.ifPresent(w -> add(line, verb + javaName(owner) + (member.equals("<init>") ? " (new)" : "." + member), w));
        }

        private void add(int line, String what, String why) {
            String where = source == null ? javaName(className) : source + (line > 0 ? ":" + line : "");
            violations.add(new Violation(javaName(className), where, what, why));
        }
    }

    private static String javaName(String internal) {
        return internal.replace('/', '.');
    }
}
