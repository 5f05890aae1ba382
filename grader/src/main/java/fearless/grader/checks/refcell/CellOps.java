package fearless.grader.checks.refcell;

import static fearless.grader.checks.refcell.Cells.ALREADY_BORROWED;
import static fearless.grader.checks.refcell.Cells.ALREADY_MUTABLY_BORROWED;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.api.ErrorCode;
import fearless.api.Result;
import fearless.api.cell.BorrowError;
import fearless.api.cell.BorrowMutError;
import fearless.api.cell.Ref;
import fearless.api.cell.RefMut;
import fearless.grader.check.Safely;
import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import fearless.grader.checks.refcell.CellModel.Cell;
import fearless.grader.checks.refcell.CellModel.Handle;
import fearless.grader.checks.refcell.CellModel.Kind;
import fearless.grader.checks.refcell.CellModel.State;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.quicktheories.core.Gen;

/**
 * The operations of the cell property (borrow, borrowMut, the try forms, get, set, close,
 * cloneRef, map, replace, swap, take on two cells) and the generator of their sequences.
 *
 * <p>Every op that may make a handle has a label (its position in the generated sequence), and
 * every op that uses a handle names its maker's label. So when the minimizer removes an op, the
 * others keep meaning the same handles; ops whose handle was never made are skipped. A value an
 * op writes is named after its label too ({@code "x7"}), so it stays the same in a shorter sequence.
 */
final class CellOps {

    /** The part every {@code map} takes: the value with a dot, so a mapped read is told apart. */
    static final Function<String, String> PART = v -> v + ".";

    private static final int KINDS = 20;

    private CellOps() {
    }

    /** Sequences of 1 to {@code maxLength} ops on the cells {@code a} and {@code b}. */
    static Gen<List<Op<CellSystem, CellModel>>> sequences(int maxLength) {
        Gen<int[]> raw = integers().between(0, KINDS - 1).zip(integers().between(0, 1_000), (k, t) -> new int[] {k, t});
        return lists().of(raw).ofSizeBetween(1, maxLength).map(CellOps::resolve);
    }

    /** Turns (kind, random choice) pairs into ops; handle ops aim at earlier ops that make a handle of their kind. */
    private static List<Op<CellSystem, CellModel>> resolve(List<int[]> raw) {
        List<Op<CellSystem, CellModel>> ops = new ArrayList<>();
        List<Integer> refMakers = new ArrayList<>();
        List<Integer> mutMakers = new ArrayList<>();
        List<Integer> anyMakers = new ArrayList<>();
        for (int[] pair : raw) {
            int label = ops.size();
            int choice = pair[1];
            int cell = choice % 4 == 3 ? 1 : 0; // mostly a: borrows of one cell meet more often
            Op<CellSystem, CellModel> op = switch (pair[0]) {
                case 0, 1, 2 -> new Borrow(cell, label);
                case 3, 4, 5 -> new BorrowMut(cell, label);
                case 6 -> new TryBorrow(cell, label);
                case 7 -> new TryBorrowMut(cell, label);
                case 8, 9 -> anyMakers.isEmpty() ? new Borrow(cell, label) : new Get(pick(anyMakers, choice));
                case 10 -> mutMakers.isEmpty() ? new BorrowMut(cell, label) : new Set(pick(mutMakers, choice), label);
                case 11, 12, 13, 14 -> anyMakers.isEmpty() ? new Borrow(cell, label) : new Close(pick(anyMakers, choice));
                case 15 -> refMakers.isEmpty() ? new Borrow(cell, label) : new CloneRef(pick(refMakers, choice), label);
                case 16 -> refMakers.isEmpty() ? new Borrow(cell, label) : new MapRef(pick(refMakers, choice), label);
                case 17 -> new Replace(cell, label);
                case 18 -> new Swap(cell, (choice / 4) % 5 == 0 ? cell : 1 - cell);
                default -> new Take(cell);
            };
            if (op instanceof Borrow || op instanceof TryBorrow || op instanceof CloneRef || op instanceof MapRef) {
                refMakers.add(label);
                anyMakers.add(label);
            } else if (op instanceof BorrowMut || op instanceof TryBorrowMut) {
                mutMakers.add(label);
                anyMakers.add(label);
            }
            ops.add(op);
        }
        return ops;
    }

    /** A handle among {@code makers}, the latest ones more often. */
    private static int pick(List<Integer> makers, int choice) {
        int n = makers.size();
        int back = choice % 3 == 0 ? choice % n : choice % Math.min(n, 3);
        return makers.get(n - 1 - back);
    }

    private static String quoted(String value) {
        return '"' + value + '"';
    }

    /** The expectation for using a handle that was closed or used up by {@code map}: E0382. */
    private static Outcome usedUp() {
        return Outcome.error(ErrorCode.E0382).because("B4");
    }

    /** An op on one cell; its simpler variant aims at cell {@code a}. */
    private abstract static class OnCell implements Op<CellSystem, CellModel> {
        final int cell;

        OnCell(int cell) {
            this.cell = cell;
        }

        abstract OnCell onCell(int other);

        String cellName(CellModel model) {
            return model.cell(cell).name;
        }

        @Override
        public List<? extends Op<CellSystem, CellModel>> simpler() {
            return cell == 0 ? List.of() : List.of(onCell(0));
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "(" + cell + ")";
        }
    }

    /** An op on a handle of {@code kind} (or of either kind, if null); its simpler variants aim at earlier handles. */
    private abstract static class OnHandle implements Op<CellSystem, CellModel> {
        final int target;
        private final Kind kind;

        OnHandle(int target, Kind kind) {
            this.target = target;
            this.kind = kind;
        }

        abstract OnHandle aimedAt(int other);

        @Override
        public boolean enabledIn(CellModel model) {
            return model.has(target) && (kind == null || model.handle(target).kind == kind);
        }

        Handle handle(CellModel model) {
            return model.handle(target);
        }

        @Override
        public List<? extends Op<CellSystem, CellModel>> simpler() {
            return Op.aimedAtEarlier(target, this::aimedAt);
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "(" + target + ")";
        }
    }

    /** {@code Ref<String> rN = a.borrow()}. */
    static final class Borrow extends OnCell {
        private final int label;

        Borrow(int cell, int label) {
            super(cell);
            this.label = label;
        }

        @Override
        OnCell onCell(int other) {
            return new Borrow(other, label);
        }

        @Override
        public String describe(CellModel model) {
            return "Ref<String> " + model.nextName(Kind.REF) + " = " + cellName(model) + ".borrow()";
        }

        @Override
        public Outcome expect(CellModel model) {
            Cell c = model.cell(cell);
            String name = model.claimName(Kind.REF);
            if (c.writing) {
                return Cells.panics(ALREADY_MUTABLY_BORROWED, "B2");
            }
            model.addRef(label, name, c, c.value, "B1", true);
            return Outcome.done().because("B1");
        }

        @Override
        public Outcome run(CellSystem system) {
            return Cells.outcomeOfRun(() -> system.putRef(label, system.cell(cell).borrow()));
        }
    }

    /** {@code RefMut<String> mN = a.borrowMut()}. */
    static final class BorrowMut extends OnCell {
        private final int label;

        BorrowMut(int cell, int label) {
            super(cell);
            this.label = label;
        }

        @Override
        OnCell onCell(int other) {
            return new BorrowMut(other, label);
        }

        @Override
        public String describe(CellModel model) {
            return "RefMut<String> " + model.nextName(Kind.REF_MUT) + " = " + cellName(model) + ".borrowMut()";
        }

        @Override
        public Outcome expect(CellModel model) {
            Cell c = model.cell(cell);
            String name = model.claimName(Kind.REF_MUT);
            if (c.borrowed()) {
                return Cells.panics(ALREADY_BORROWED, "B2");
            }
            model.addRefMut(label, name, c);
            return Outcome.done().because("B2");
        }

        @Override
        public Outcome run(CellSystem system) {
            return Cells.outcomeOfRun(() -> system.putRefMut(label, system.cell(cell).borrowMut()));
        }
    }

    /** {@code Ref<String> rN = a.tryBorrow().unwrapOr(null)}, showing whether it was {@code Ok}. */
    static final class TryBorrow extends OnCell {
        private final int label;

        TryBorrow(int cell, int label) {
            super(cell);
            this.label = label;
        }

        @Override
        OnCell onCell(int other) {
            return new TryBorrow(other, label);
        }

        @Override
        public String describe(CellModel model) {
            return "Ref<String> " + model.nextName(Kind.REF) + " = " + cellName(model) + ".tryBorrow().unwrapOr(null)";
        }

        @Override
        public Outcome expect(CellModel model) {
            Cell c = model.cell(cell);
            String name = model.claimName(Kind.REF);
            if (c.writing) {
                return Outcome.returned(Cells.ERR_BORROW).because("B3");
            }
            model.addRef(label, name, c, c.value, "B1", true);
            return Outcome.returned(Cells.OK).because("B3");
        }

        @Override
        public Outcome run(CellSystem system) {
            return Cells.outcome(() -> {
                Result<Ref<String>, BorrowError> r = system.cell(cell).tryBorrow();
                if (r instanceof Result.Ok<Ref<String>, BorrowError> ok) {
                    system.putRef(label, ok.value());
                    return Cells.OK;
                }
                Object e = r.unwrapErr();
                return e instanceof BorrowError ? Cells.ERR_BORROW : "Err(" + Safely.show(e) + ")";
            });
        }
    }

    /** {@code RefMut<String> mN = a.tryBorrowMut().unwrapOr(null)}, showing whether it was {@code Ok}. */
    static final class TryBorrowMut extends OnCell {
        private final int label;

        TryBorrowMut(int cell, int label) {
            super(cell);
            this.label = label;
        }

        @Override
        OnCell onCell(int other) {
            return new TryBorrowMut(other, label);
        }

        @Override
        public String describe(CellModel model) {
            return "RefMut<String> " + model.nextName(Kind.REF_MUT) + " = " + cellName(model)
                    + ".tryBorrowMut().unwrapOr(null)";
        }

        @Override
        public Outcome expect(CellModel model) {
            Cell c = model.cell(cell);
            String name = model.claimName(Kind.REF_MUT);
            if (c.borrowed()) {
                return Outcome.returned(Cells.ERR_BORROW_MUT).because("B3");
            }
            model.addRefMut(label, name, c);
            return Outcome.returned(Cells.OK).because("B3");
        }

        @Override
        public Outcome run(CellSystem system) {
            return Cells.outcome(() -> {
                Result<RefMut<String>, BorrowMutError> r = system.cell(cell).tryBorrowMut();
                if (r instanceof Result.Ok<RefMut<String>, BorrowMutError> ok) {
                    system.putRefMut(label, ok.value());
                    return Cells.OK;
                }
                Object e = r.unwrapErr();
                return e instanceof BorrowMutError ? Cells.ERR_BORROW_MUT : "Err(" + Safely.show(e) + ")";
            });
        }
    }

    /** {@code a.replace("xN")}. */
    static final class Replace extends OnCell {
        private final int label;

        Replace(int cell, int label) {
            super(cell);
            this.label = label;
        }

        @Override
        OnCell onCell(int other) {
            return new Replace(other, label);
        }

        private String value() {
            return "x" + label;
        }

        @Override
        public String describe(CellModel model) {
            return cellName(model) + ".replace(" + quoted(value()) + ")";
        }

        @Override
        public Outcome expect(CellModel model) {
            Cell c = model.cell(cell);
            if (c.borrowed()) {
                return Cells.panics(ALREADY_BORROWED, "B6");
            }
            String old = c.value;
            c.value = value();
            return Outcome.returned(old).because("B6");
        }

        @Override
        public Outcome run(CellSystem system) {
            return Cells.outcome(() -> system.cell(cell).replace(value()));
        }
    }

    /** {@code a.take(() -> "")}. */
    static final class Take extends OnCell {
        Take(int cell) {
            super(cell);
        }

        @Override
        OnCell onCell(int other) {
            return new Take(other);
        }

        @Override
        public String describe(CellModel model) {
            return cellName(model) + ".take(() -> \"\")";
        }

        @Override
        public Outcome expect(CellModel model) {
            Cell c = model.cell(cell);
            if (c.borrowed()) {
                return Cells.panics(ALREADY_BORROWED, "B6");
            }
            String old = c.value;
            c.value = "";
            return Outcome.returned(old).because("B6");
        }

        @Override
        public Outcome run(CellSystem system) {
            return Cells.outcome(() -> system.cell(cell).take(() -> ""));
        }
    }

    /** {@code a.swap(b)}, {@code b.swap(a)}, or a cell with itself. */
    static final class Swap implements Op<CellSystem, CellModel> {
        private final int cell;
        private final int other;

        Swap(int cell, int other) {
            this.cell = cell;
            this.other = other;
        }

        @Override
        public String describe(CellModel model) {
            return model.cell(cell).name + ".swap(" + model.cell(other).name + ")";
        }

        @Override
        public Outcome expect(CellModel model) {
            Cell mine = model.cell(cell);
            Cell theirs = model.cell(other);
            if (mine == theirs || mine.borrowed() || theirs.borrowed()) {
                return Cells.panics(ALREADY_BORROWED, "B6");
            }
            String kept = mine.value;
            mine.value = theirs.value;
            theirs.value = kept;
            return Outcome.done().because("B6");
        }

        @Override
        public Outcome run(CellSystem system) {
            return Cells.outcomeOfRun(() -> system.cell(cell).swap(system.cell(other)));
        }

        @Override
        public List<? extends Op<CellSystem, CellModel>> simpler() {
            return cell == 1 && other == 0 ? List.of(new Swap(0, 1)) : List.of();
        }

        @Override
        public String toString() {
            return "Swap(" + cell + ", " + other + ")";
        }
    }

    /** {@code r1.get()} or {@code m1.get()}. */
    static final class Get extends OnHandle {
        Get(int target) {
            super(target, null);
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Get(other);
        }

        @Override
        public String describe(CellModel model) {
            return handle(model).name + ".get()";
        }

        @Override
        public Outcome expect(CellModel model) {
            Handle h = handle(model);
            return h.state == State.HOLDING ? Outcome.returned(h.reads()).because(h.origin) : usedUp();
        }

        @Override
        public Outcome run(CellSystem system) {
            return Cells.outcome(() -> system.get(target));
        }
    }

    /** {@code m1.set("xN")}. */
    static final class Set extends OnHandle {
        private final int label;

        Set(int target, int label) {
            super(target, Kind.REF_MUT);
            this.label = label;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Set(other, label);
        }

        private String value() {
            return "x" + label;
        }

        @Override
        public String describe(CellModel model) {
            return handle(model).name + ".set(" + quoted(value()) + ")";
        }

        @Override
        public Outcome expect(CellModel model) {
            Handle h = handle(model);
            if (h.state != State.HOLDING) {
                return usedUp();
            }
            h.cell.value = value();
            return Outcome.done().because("B2");
        }

        @Override
        public Outcome run(CellSystem system) {
            return Cells.outcomeOfRun(() -> system.refMut(target).set(value()));
        }
    }

    /** {@code r1.close()} or {@code m1.close()}. */
    static final class Close extends OnHandle {
        Close(int target) {
            super(target, null);
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Close(other);
        }

        @Override
        public String describe(CellModel model) {
            return handle(model).name + ".close()";
        }

        @Override
        public Outcome expect(CellModel model) {
            handle(model).close();
            return Outcome.done().because("B4");
        }

        @Override
        public Outcome run(CellSystem system) {
            return Cells.outcomeOfRun(() -> system.close(target));
        }
    }

    /** {@code Ref<String> rN = r1.cloneRef()}. */
    static final class CloneRef extends OnHandle {
        private final int label;

        CloneRef(int target, int label) {
            super(target, Kind.REF);
            this.label = label;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new CloneRef(other, label);
        }

        @Override
        public String describe(CellModel model) {
            return "Ref<String> " + model.nextName(Kind.REF) + " = " + handle(model).name + ".cloneRef()";
        }

        @Override
        public Outcome expect(CellModel model) {
            Handle h = handle(model);
            String name = model.claimName(Kind.REF);
            if (h.state != State.HOLDING) {
                return usedUp();
            }
            model.addRef(label, name, h.cell, h.view, "B5", true);
            return Outcome.done().because("B5");
        }

        @Override
        public Outcome run(CellSystem system) {
            return Cells.outcomeOfRun(() -> system.putRef(label, system.ref(target).cloneRef()));
        }
    }

    /** {@code Ref<String> rN = r1.map(v -> v + ".")}. */
    static final class MapRef extends OnHandle {
        private final int label;

        MapRef(int target, int label) {
            super(target, Kind.REF);
            this.label = label;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new MapRef(other, label);
        }

        @Override
        public String describe(CellModel model) {
            return "Ref<String> " + model.nextName(Kind.REF) + " = " + handle(model).name + ".map(v -> v + \".\")";
        }

        @Override
        public Outcome expect(CellModel model) {
            Handle h = handle(model);
            String name = model.claimName(Kind.REF);
            if (h.state != State.HOLDING) {
                return usedUp();
            }
            h.state = State.MAPPED;
            model.addRef(label, name, h.cell, PART.apply(h.view), "B4", false);
            return Outcome.done().because("B4");
        }

        @Override
        public Outcome run(CellSystem system) {
            Ref<String> ref = system.ref(target);
            return Cells.outcomeOfRun(() -> system.putRef(label, ref.map(PART)));
        }
    }
}
