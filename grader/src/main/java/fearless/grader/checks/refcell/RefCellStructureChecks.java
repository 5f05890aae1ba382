package fearless.grader.checks.refcell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import fearless.api.Unimplemented;
import fearless.api.cell.Ref;
import fearless.api.cell.RefCell;
import fearless.api.cell.RefMut;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Structure checks of the cell: the value and the borrow count are reached only through the
 * cell's api, so no code can read or write the value without a counted borrow. Everything else
 * (an int or an atomic for the count, inner or separate classes for the handles) is the
 * submission's choice.
 */
@Exercise("ref-cell")
class RefCellStructureChecks {

    private static final String PACKAGE = "refcell";

    /** The api's interfaces a cell's classes implement. */
    private static final List<Class<?>> API = List.of(RefCell.class, Ref.class, RefMut.class);

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"B2", "B4"})
    void state_is_private() {
        requireImplemented();
        RuleCheck.assertHolds(PACKAGE, StructureRules.stateFieldsPrivate(),
                "the cell's value or borrow count is reachable from outside its class: a field that is not private "
                        + "lets other code read or write the value without a borrow, or change the count (B2, B4)",
                Cells.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"B1", "B2"})
    void value_only_through_handles() {
        requireImplemented();
        RuleCheck.assertHolds(PACKAGE, valueOnlyThroughTheApi(),
                "the cell hands out its value outside a borrow: a public method beyond the api that returns the "
                        + "value lets code read or keep it while a RefMut changes it, unseen by the count (B1, B2)",
                Cells.LESSON);
    }

    /**
     * No public class that implements {@code RefCell}, {@code Ref} or {@code RefMut} has a public
     * instance method of its own (one the api and {@code Object} do not declare) that returns the
     * value: a type variable of the class ({@code T}), or {@code Object}. Other extra methods
     * ({@code isBorrowed()}, a {@code <R> R withBorrow(..)} that lends the value to a function) are
     * the submission's business.
     */
    static ArchRule valueOnlyThroughTheApi() {
        return classes().that(implementTheApi()).and(arePublicFromOutside())
                .should(notHandOutTheValue())
                .allowEmptyShould(true)
                .as("a public class implementing RefCell, Ref or RefMut may have no public method of its own that "
                        + "returns the value (the class's type variable, or Object)");
    }

    private static DescribedPredicate<JavaClass> implementTheApi() {
        return DescribedPredicate.describe("implement RefCell, Ref or RefMut",
                c -> API.stream().anyMatch(api -> c.isAssignableTo(api.getName())));
    }

    /** A public class, nested only in public classes: code outside the package can name it. */
    private static DescribedPredicate<JavaClass> arePublicFromOutside() {
        return DescribedPredicate.describe("are public", c -> {
            for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
                if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static ArchCondition<JavaClass> notHandOutTheValue() {
        Set<String> declared = apiMethods();
        return new ArchCondition<>("not hand out the value outside the api") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaMethod m : c.getMethods()) {
                    boolean own = m.getModifiers().contains(JavaModifier.PUBLIC)
                            && !m.getModifiers().contains(JavaModifier.STATIC)
                            && !m.getModifiers().contains(JavaModifier.SYNTHETIC)
                            && !m.getModifiers().contains(JavaModifier.BRIDGE)
                            && !declared.contains(m.getName() + "/" + m.getRawParameterTypes().size());
                    boolean value = m.getReturnType() instanceof JavaTypeVariable<?> variable
                            ? variable.getGenericDeclaration() instanceof JavaClass
                            : m.getRawReturnType().isEquivalentTo(Object.class);
                    if (own && value) {
                        events.add(SimpleConditionEvent.violated(m, "method " + m.getName() + "() returns the "
                                + "value outside a borrow in " + m.getSourceCodeLocation()));
                    }
                }
            }
        };
    }

    /** {@code name/arity} of every method the api's interfaces and {@code Object} declare. */
    private static Set<String> apiMethods() {
        Set<String> names = new HashSet<>();
        for (Class<?> type : List.of(RefCell.class, Ref.class, RefMut.class, AutoCloseable.class, Object.class)) {
            for (Method m : type.getDeclaredMethods()) {
                names.add(m.getName() + "/" + m.getParameterCount());
            }
        }
        return names;
    }

    /**
     * A stub fails here, with its "not yet implemented", before any class is read: the rules judge
     * written code. Any other failure is the behaviour checks' business, not this one's.
     */
    private static void requireImplemented() {
        List<Consumer<RefCell<String>>> uses = List.of(c -> c.borrow().close(), c -> c.borrowMut().close(),
                RefCell::tryBorrow, RefCell::tryBorrowMut, c -> c.replace("w"), c -> c.take(() -> "w"),
                c -> c.swap(Cells.fresh("w")));
        for (Consumer<RefCell<String>> use : uses) {
            try {
                use.accept(Cells.fresh("v"));
            } catch (Unimplemented stub) {
                throw stub;
            } catch (RuntimeException ignored) {
                // a bug, not a stub
            }
        }
    }
}
