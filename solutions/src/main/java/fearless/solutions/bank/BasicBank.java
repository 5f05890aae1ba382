package fearless.solutions.bank;

import fearless.api.Result;
import fearless.api.capstones.Bank;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.MutexProvider;
import fearless.api.mutex.PoisonError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * One mutex per account, and one rule that makes deadlock impossible: a thread that holds
 * several account locks took them in increasing account number. Two transfers in opposite
 * directions then both start with the lower account, and one of them simply waits for the other.
 */
public final class BasicBank implements Bank {

    private final List<Mutex<Long>> accounts = new ArrayList<>();

    public BasicBank(long[] balances, MutexProvider mutexes) {
        for (long balance : balances) {
            if (balance < 0) {
                throw new IllegalArgumentException("an account cannot open with a negative balance: " + balance);
            }
        }
        for (long balance : balances) {
            accounts.add(mutexes.create(balance));
        }
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a transfer moves a positive amount, not " + amount);
        }
        Objects.checkIndex(from, accounts.size());
        Objects.checkIndex(to, accounts.size());
        if (from == to) {
            try (MutexGuard<Long> only = lock(from)) {
                return only.get() >= amount;
            }
        }
        int lower = Math.min(from, to);
        int higher = Math.max(from, to);
        try (MutexGuard<Long> first = lock(lower); MutexGuard<Long> second = lock(higher)) {
            MutexGuard<Long> source = from == lower ? first : second;
            MutexGuard<Long> target = from == lower ? second : first;
            if (source.get() < amount) {
                return false;
            }
            source.set(source.get() - amount);
            target.set(target.get() + amount);
            return true;
        }
    }

    @Override
    public long balance(int account) {
        Objects.checkIndex(account, accounts.size());
        try (MutexGuard<Long> guard = lock(account)) {
            return guard.get();
        }
    }

    @Override
    public long total() {
        Deque<MutexGuard<Long>> held = new ArrayDeque<>();
        try {
            long sum = 0;
            for (int account = 0; account < accounts.size(); account++) {
                MutexGuard<Long> guard = lock(account);
                held.push(guard);
                sum += guard.get();
            }
            return sum;
        } finally {
            while (!held.isEmpty()) {
                held.pop().close();
            }
        }
    }

    /** Nothing in the bank fails while holding a lock, so a poisoned account still holds a whole balance. */
    private MutexGuard<Long> lock(int account) {
        Result<MutexGuard<Long>, PoisonError<MutexGuard<Long>>> locked = accounts.get(account).lock();
        return locked instanceof Result.Ok<MutexGuard<Long>, PoisonError<MutexGuard<Long>>> ok ? ok.value()
                : locked.unwrapErr().intoInner();
    }
}
