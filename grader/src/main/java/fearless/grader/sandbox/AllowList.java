package fearless.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a submission may use of the JDK and the api, read from {@code fearless/allowed.txt} (its
 * header explains the form). Everything else is refused. Names here are internal names
 * ({@code java/lang/Thread}); members are method or field names, {@code <init>} for constructors.
 */
public final class AllowList {

    /** The list shipped with the grader. */
    public static final String RESOURCE = "/fearless/allowed.txt";

    /** Said of a class the list does not name. */
    static final String NOT_LISTED = "not among the JDK classes the course allows (fearless/allowed.txt)";

    private enum Kind { ALL, ONLY, EXCEPT, DENY }

    private record ClassRule(Kind kind, Set<String> members, String why) {
    }

    private final Set<String> packages = new HashSet<>();
    private final List<String> packageTrees = new ArrayList<>();
    private final Map<String, ClassRule> classes = new HashMap<>();
    private final Map<String, List<String>> jdkSupertypes = new ConcurrentHashMap<>();

    private AllowList() {
    }

    private static final AllowList STANDARD = read();

    /** The grader's list (read once; it caches what it learns of the JDK's class hierarchy). */
    public static AllowList standard() {
        return STANDARD;
    }

    private static AllowList read() {
        try (InputStream in = AllowList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("allow-list missing: " + RESOURCE);
            }
            return new AllowList().with(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This list widened by {@code lines} of the same form (an exercise's {@code allow}). */
    public AllowList plus(List<String> lines) {
        if (lines.isEmpty()) {
            return this;
        }
        AllowList wider = new AllowList();
        wider.packages.addAll(packages);
        wider.packageTrees.addAll(packageTrees);
        wider.classes.putAll(classes);
        return wider.with(lines);
    }

    private AllowList with(List<String> lines) {
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String why = null;
            int dashes = line.indexOf(" -- ");
            if (dashes >= 0) {
                why = line.substring(dashes + 4).strip();
                line = line.substring(0, dashes).strip();
            }
            String[] words = line.split("\\s+");
            if (words.length < 2) {
                throw new IllegalArgumentException("allow-list: cannot read '" + raw + "'");
            }
            String name = words[1].replace('.', '/');
            switch (words[0]) {
                case "package" -> {
                    if (name.endsWith("/**")) {
                        packageTrees.add(name.substring(0, name.length() - 2));
                    } else {
                        packages.add(name);
                    }
                }
                case "deny" -> classes.put(name, new ClassRule(Kind.DENY, Set.of(), why));
                case "class" -> classes.put(name, classRule(words, why, raw));
                default -> throw new IllegalArgumentException("allow-list: cannot read '" + raw + "'");
            }
        }
        return this;
    }

    private static ClassRule classRule(String[] words, String why, String raw) {
        if (words.length == 2) {
            return new ClassRule(Kind.ALL, Set.of(), why);
        }
        Kind kind = switch (words[2]) {
            case "only" -> Kind.ONLY;
            case "except" -> Kind.EXCEPT;
            default -> throw new IllegalArgumentException("allow-list: 'only' or 'except' expected in '" + raw + "'");
        };
        return new ClassRule(kind, Set.copyOf(List.of(words).subList(3, words.length)), why);
    }

    /** Why using the type {@code internalName} (not the submission's own) is refused, if it is. */
    Optional<String> typeUse(String internalName) {
        ClassRule rule = classes.get(internalName);
        if (rule != null && rule.kind() == Kind.DENY) {
            return Optional.of(reason(rule));
        }
        if (rule == null && !packageListed(internalName)) {
            return Optional.of(NOT_LISTED);
        }
        for (String supertype : supertypes(internalName)) {
            ClassRule inherited = classes.get(supertype);
            if (inherited != null && inherited.kind() == Kind.DENY) {
                return Optional.of(reason(inherited));
            }
        }
        return Optional.empty();
    }

    /**
     * Why using {@code member} of the JDK or api class {@code owner} is refused, if it is: the
     * owner must be usable, and neither it nor a supertype it inherits the member from may take
     * the member out.
     */
    Optional<String> memberUse(String owner, String member) {
        Optional<String> type = typeUse(owner);
        if (type.isPresent()) {
            return type;
        }
        ClassRule rule = classes.get(owner);
        if (rule != null && rule.kind() == Kind.ONLY && !rule.members().contains(member)) {
            return Optional.of(reason(rule));
        }
        return inherited(List.of(owner), member);
    }

    /**
     * Why using {@code member} through a submission class whose JDK supertypes are
     * {@code jdkTypes} is refused, if it is: a member taken out of a JDK class stays out in its
     * subclasses ({@code myThread.getStackTrace()}).
     */
    Optional<String> inherited(List<String> jdkTypes, String member) {
        for (String type : jdkTypes) {
            List<String> all = new ArrayList<>(List.of(type));
            all.addAll(supertypes(type));
            for (String t : all) {
                ClassRule rule = classes.get(t);
                if (rule != null && rule.kind() == Kind.EXCEPT && rule.members().contains(member)) {
                    return Optional.of(reason(rule));
                }
            }
        }
        return Optional.empty();
    }

    private boolean packageListed(String internalName) {
        int slash = internalName.lastIndexOf('/');
        String pkg = slash < 0 ? "" : internalName.substring(0, slash);
        return packages.contains(pkg) || packageTrees.stream().anyMatch(tree -> (pkg + "/").startsWith(tree));
    }

    private static String reason(ClassRule rule) {
        return rule.why() != null ? rule.why() : NOT_LISTED;
    }

    /** Every supertype of a JDK or api class, as the grader's own class loader sees it (nothing is initialized). */
    List<String> supertypes(String internalName) {
        return jdkSupertypes.computeIfAbsent(internalName, name -> {
            Set<String> found = new LinkedHashSet<>();
            try {
                collect(Class.forName(name.replace('/', '.'), false, AllowList.class.getClassLoader()), found);
            } catch (ClassNotFoundException | LinkageError unknown) {
                // Not a class the grader can see: nothing inherited to check.
            }
            return List.copyOf(found);
        });
    }

    private static void collect(Class<?> type, Set<String> found) {
        Class<?> superclass = type.getSuperclass();
        if (superclass != null && found.add(superclass.getName().replace('.', '/'))) {
            collect(superclass, found);
        }
        for (Class<?> i : type.getInterfaces()) {
            if (found.add(i.getName().replace('.', '/'))) {
                collect(i, found);
            }
        }
    }
}
