package fearless.solutions.bank;

import fearless.api.capstones.Bank;
import fearless.api.mutex.MutexProvider;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/** MUTANT: the balances live in an array, each behind a ReentrantLock of the bank's own, not in the mutexes given. */
public final class BasicBank implements Bank {

    private final long[] balances;
    private final ReentrantLock[] locks;

    public BasicBank(long[] opening, MutexProvider mutexes) {
        for (long balance : opening) {
            if (balance < 0) {
                throw new IllegalArgumentException("an account cannot open with a negative balance: " + balance);
            }
        }
        balances = opening.clone();
        locks = new ReentrantLock[opening.length];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public boolean transfer(int from, int to, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a transfer moves a positive amount, not " + amount);
        }
        Objects.checkIndex(from, balances.length);
        Objects.checkIndex(to, balances.length);
        ReentrantLock first = locks[Math.min(from, to)];
        ReentrantLock second = locks[Math.max(from, to)];
        first.lock();
        second.lock();
        try {
            if (balances[from] < amount) {
                return false;
            }
            if (from != to) {
                balances[from] -= amount;
                balances[to] += amount;
            }
            return true;
        } finally {
            second.unlock();
            first.unlock();
        }
    }

    @Override
    public long balance(int account) {
        Objects.checkIndex(account, balances.length);
        locks[account].lock();
        try {
            return balances[account];
        } finally {
            locks[account].unlock();
        }
    }

    @Override
    public long total() {
        for (ReentrantLock lock : locks) {
            lock.lock();
        }
        try {
            long sum = 0;
            for (long balance : balances) {
                sum += balance;
            }
            return sum;
        } finally {
            for (int i = locks.length - 1; i >= 0; i--) {
                locks[i].unlock();
            }
        }
    }
}
