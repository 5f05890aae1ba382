package fearless.grader.checks.bank;

import fearless.api.capstones.Bank;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Seeds;
import fearless.grader.check.property.Minimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.opentest4j.AssertionFailedError;

/**
 * Generated transfer workloads on one thread, against a ledger (an array of balances): each
 * transfer's answer, each balance and each total must match the ledger's. Amounts are drawn
 * around the edges (nothing, exactly the balance, one more than it) and transfers to the same
 * account come up often. A failing workload is shrunk to a shortest one that
 * still fails.
 */
@Exercise("bank")
class BankPropertyChecks {

    private static final String ID = "bank/generated_transfers_match_a_ledger";

    private static final int CASES = 20;

    private static final int LONGEST = 30;

    private static final int SHRINK_STEPS = 60;

    /** One generated step: a transfer, a balance or a total. */
    private record Step(String kind, int from, int to, long amount) {
        @Override
        public String toString() {
            return switch (kind) {
                case "transfer" -> "transfer(" + from + ", " + to + ", " + amount + ")";
                case "balance" -> "balance(" + from + ")";
                default -> "total()";
            };
        }
    }

    /**
     * For generated opening balances and steps, the bank answers as a ledger does: a transfer
     * moves the amount when the source holds it, else nothing and false (D3); balances and the
     * total follow (D1).
     */
    @Graded(points = 3, category = Category.PROPERTY, rules = {"D1", "D3"})
    void generated_transfers_match_a_ledger() {
        Random random = new Random(Seeds.forCheck(ID));
        for (int c = 0; c < CASES; c++) {
            long[] opening = new long[2 + random.nextInt(4)];
            for (int i = 0; i < opening.length; i++) {
                opening[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(60);
            }
            List<Step> steps = generate(random, opening, c == 0 ? 1 : 1 + random.nextInt(LONGEST));
            String failure = attempt(opening, steps);
            if (failure != null) {
                List<Step> shortest = Minimizer.minimize(steps, candidate -> attempt(opening, candidate) != null,
                        step -> List.of(), SHRINK_STEPS);
                String shortestFailure = attempt(opening, shortest);
                throw new AssertionFailedError((shortestFailure == null ? failure : shortestFailure)
                        + (shortest.size() < steps.size() ? " (the shortest failing workload found, from "
                                + steps.size() + " generated steps)" : "")
                        + " (workloads drawn from seed " + Seeds.seed() + ": rerun with --seed " + Seeds.seed() + ")");
            }
        }
    }

    private static List<Step> generate(Random random, long[] opening, int length) {
        long[] ledger = opening.clone();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int roll = random.nextInt(10);
            int from = random.nextInt(ledger.length);
            if (roll < 7) {
                int to = random.nextInt(4) == 0 ? from : random.nextInt(ledger.length);
                long amount = switch (random.nextInt(4)) {
                    case 0 -> ledger[from];
                    case 1 -> ledger[from] + 1;
                    case 2 -> 0;
                    default -> random.nextInt(40);
                };
                steps.add(new Step("transfer", from, to, amount));
                if (from != to && ledger[from] >= amount) {
                    ledger[from] -= amount;
                    ledger[to] += amount;
                }
            } else if (roll < 9) {
                steps.add(new Step("balance", from, from, 0));
            } else {
                steps.add(new Step("total", 0, 0, 0));
            }
        }
        return steps;
    }

    /** One workload; null if the bank matched the ledger at every step, else the first line of the feedback. */
    private static String attempt(long[] opening, List<Step> steps) {
        Tellers tellers = new Tellers();
        return tellers.call("a generated workload", () -> {
            Bank bank = tellers.open(opening);
            long[] ledger = opening.clone();
            List<String> done = new ArrayList<>();
            for (Step step : steps) {
                done.add(step.toString());
                String prefix = "on a bank opened with " + Arrays.toString(opening) + ", after " + String.join("; ", done)
                        + ": ";
                switch (step.kind()) {
                    case "transfer" -> {
                        boolean expected = ledger[step.from()] >= step.amount();
                        if (expected && step.from() != step.to()) {
                            ledger[step.from()] -= step.amount();
                            ledger[step.to()] += step.amount();
                        }
                        boolean got = bank.transfer(step.from(), step.to(), step.amount());
                        if (got != expected) {
                            return "a transfer moves the amount when the source holds it, else nothing (D3), but " + prefix
                                    + "the transfer returned " + got + " where the ledger says " + expected;
                        }
                    }
                    case "balance" -> {
                        long got = bank.balance(step.from());
                        if (got != ledger[step.from()]) {
                            return "balances follow the transfers (D1), but " + prefix + "balance(" + step.from()
                                    + ") returned " + got + " where the ledger says " + ledger[step.from()];
                        }
                    }
                    default -> {
                        long got = bank.total();
                        long expected = Arrays.stream(opening).sum();
                        if (got != expected) {
                            return "the total never changes (D1), but " + prefix + "total() returned " + got
                                    + " instead of " + expected;
                        }
                    }
                }
            }
            for (int i = 0; i < ledger.length; i++) {
                if (bank.balance(i) != ledger[i]) {
                    return "balances follow the transfers (D1), but on a bank opened with " + Arrays.toString(opening)
                            + ", after " + String.join("; ", done) + ": balance(" + i + ") is " + bank.balance(i)
                            + " where the ledger says " + ledger[i];
                }
            }
            return null;
        });
    }
}
