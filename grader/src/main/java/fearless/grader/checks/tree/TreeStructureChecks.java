package fearless.grader.checks.tree;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import fearless.api.Unimplemented;
import fearless.api.cell.Ref;
import fearless.api.cell.RefCell;
import fearless.api.cell.RefMut;
import fearless.api.rc.Rc;
import fearless.api.rc.Weak;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.SubmissionClasses;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Structure checks of the tree: a child keeps its parent through a {@code Weak}, and the tree
 * builds on the {@code Rc} and {@code RefCell} it was given, on one thread.
 */
@Exercise("tree")
class TreeStructureChecks {

    private static final String PACKAGE = "tree";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"A2", "A5"})
    void parent_held_by_a_weak() {
        requireImplemented();
        JavaClasses classes = SubmissionClasses.inPackage(PACKAGE);
        List<String> fields = new ArrayList<>();
        for (JavaClass type : classes) {
            for (JavaField field : type.getFields()) {
                if (field.getType().getAllInvolvedRawTypes().stream().anyMatch(t -> t.isEquivalentTo(Weak.class))) {
                    return;
                }
                if (!field.getModifiers().contains(JavaModifier.STATIC)) {
                    fields.add(type.getSimpleName() + "." + field.getName() + ": "
                            + field.getType().getName().replace("fearless.api.rc.", "")
                                    .replace("fearless.api.cell.", "").replace("fearless.api.tree.", "")
                                    .replace("java.util.function.", "").replace("java.util.", ""));
                }
            }
        }
        throw new AssertionFailedError("no field of the tree holds a Weak: a child must point at its parent "
                + "through a Weak (Rc::downgrade), or parent and child keep each other alive and are never dropped "
                + "(A2, A5)\nFields: " + (fields.isEmpty() ? "none" : String.join(", ", fields))
                + "\nRead " + TreeLab.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"A1", "A2"})
    void built_on_the_given_primitives_on_one_thread() {
        requireImplemented();
        RuleCheck.assertHolds(PACKAGE, ownPrimitivesOrConcurrency(),
                "the tree brings its own reference counts, cells or thread-safety: it must build on the Rc and "
                        + "RefCell it was given, which count and check for it, and an Rc tree lives on one thread, so "
                        + "it needs nothing from java.util.concurrent (A1, A2)",
                TreeLab.LESSON);
    }

    /**
     * ArchUnit's {@code implement(Class)} needs the interface's own class file to know it is one,
     * and the submission's classes are imported alone: so the interfaces are matched by name.
     */
    private static ArchRule ownPrimitivesOrConcurrency() {
        DescribedPredicate<JavaClass> primitives = equivalentTo(Rc.class).or(equivalentTo(Weak.class))
                .or(equivalentTo(RefCell.class)).or(equivalentTo(Ref.class)).or(equivalentTo(RefMut.class))
                .as("Rc, Weak, RefCell, Ref or RefMut");
        return noClasses().should().beAssignableTo(primitives)
                .orShould().dependOnClassesThat(resideInAPackage("java.util.concurrent.."))
                .as("no class may implement Rc, Weak, RefCell, Ref or RefMut, or use java.util.concurrent");
    }

    /**
     * A stub fails here, with its "not yet implemented", before any class is read: the rules judge
     * written code. Any other failure is the behaviour checks' business, not this one's.
     */
    private static void requireImplemented() {
        try {
            new TreeLab().rawLeaf("probe").close();
        } catch (Unimplemented stub) {
            throw stub;
        } catch (RuntimeException ignored) {
            // a bug, not a stub
        }
    }
}
