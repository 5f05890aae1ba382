package fearless.solutions.bank;

import fearless.api.Result;
import fearless.api.capstones.Bank;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.MutexProvider;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Another sound scheme: a transfer waits only for its source, and merely tries the target; if the
 * target is busy it lets go of the source and starts again. No thread ever waits while holding a
 * lock, so no cycle of waits can form, whatever the order of the accounts.
 */
public final class BasicBank implements Bank {

    private final List<Mutex<Long>> accounts = new ArrayList<>();

    public BasicBank(long[] balances, MutexProvider mutexes) {
        for (long balance : balances) {
            if (balance < 0) {
                throw new IllegalArgumentException("negative opening balance: " + balance);
            }
        }
        for (long balance : balances) {
            accounts.add(mutexes.create(balance));
        }
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("negative amount: " + amount);
        }
        Objects.checkIndex(from, accounts.size());
        Objects.checkIndex(to, accounts.size());
        while (true) {
            try (MutexGuard<Long> source = lock(from)) {
                if (from == to) {
                    return source.get() >= amount;
                }
                MutexGuard<Long> target = tryLock(to);
                if (target != null) {
                    try (target) {
                        if (source.get() < amount) {
                            return false;
                        }
                        source.set(source.get() - amount);
                        target.set(target.get() + amount);
                        return true;
                    }
                }
            }
            Thread.yield();
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
                held.push(lock(account));
                sum += held.peek().get();
            }
            return sum;
        } finally {
            while (!held.isEmpty()) {
                held.pop().close();
            }
        }
    }

    private MutexGuard<Long> lock(int account) {
        Result<MutexGuard<Long>, PoisonError<MutexGuard<Long>>> locked = accounts.get(account).lock();
        return locked.isOk() ? locked.unwrap() : locked.unwrapErr().intoInner();
    }

    /** The guard, or null if another thread holds the account now. */
    private MutexGuard<Long> tryLock(int account) {
        Result<MutexGuard<Long>, TryLockError<MutexGuard<Long>>> tried = accounts.get(account).tryLock();
        if (tried.isOk()) {
            return tried.unwrap();
        }
        return tried.unwrapErr() instanceof TryLockError.Poisoned<MutexGuard<Long>> poisoned
                ? poisoned.error().intoInner() : null;
    }
}
