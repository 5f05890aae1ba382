package fearless.api;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rust's {@code Result<T, E>}: the outcome of an operation that can fail in a way the caller is
 * expected to handle. Recoverable errors are values, not exceptions; {@link #unwrap()} on an
 * {@link Err} is a {@link Panic}, exactly as in Rust.
 *
 * <pre>{@code
 * Result<Guard, PoisonError<Guard>> r = mutex.lock();
 * if (r instanceof Result.Err<Guard, PoisonError<Guard>> err) { ... }
 * Guard g = r.unwrap();
 * }</pre>
 *
 * @param <T> the success value
 * @param <E> the error value
 */
public sealed interface Result<T, E> permits Result.Ok, Result.Err {

    /** A success carrying {@code value}. */
    static <T, E> Result<T, E> ok(T value) {
        return new Ok<>(value);
    }

    /** A failure carrying {@code error}. */
    static <T, E> Result<T, E> err(E error) {
        return new Err<>(error);
    }

    /** The success case. */
    record Ok<T, E>(T value) implements Result<T, E> {
        @Override
        public String toString() {
            return "Ok(" + value + ")";
        }
    }

    /** The failure case. */
    record Err<T, E>(E error) implements Result<T, E> {
        @Override
        public String toString() {
            return "Err(" + error + ")";
        }
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default boolean isErr() {
        return this instanceof Err;
    }

    /** The success value; a {@link Panic} carrying the error if this is an {@link Err}. */
    default T unwrap() {
        if (this instanceof Ok<T, E> ok) {
            return ok.value();
        }
        E error = ((Err<T, E>) this).error();
        throw new Panic("called `Result::unwrap()` on an `Err` value: " + error, error);
    }

    /** Like {@link #unwrap()}, with {@code message} leading the panic's text. */
    default T expect(String message) {
        if (this instanceof Ok<T, E> ok) {
            return ok.value();
        }
        E error = ((Err<T, E>) this).error();
        throw new Panic(message + ": " + error, error);
    }

    /** The error value; a {@link Panic} if this is an {@link Ok}. */
    default E unwrapErr() {
        if (this instanceof Err<T, E> err) {
            return err.error();
        }
        T value = ((Ok<T, E>) this).value();
        throw new Panic("called `Result::unwrap_err()` on an `Ok` value: " + value, value);
    }

    /** The success value, or {@code fallback} if this is an {@link Err}. */
    default T unwrapOr(T fallback) {
        return this instanceof Ok<T, E> ok ? ok.value() : fallback;
    }

    /** The success value as an {@link Optional}, discarding any error (Rust's {@code ok()}). */
    default Optional<T> ok() {
        return this instanceof Ok<T, E> ok ? Optional.ofNullable(ok.value()) : Optional.empty();
    }

    /** The error value as an {@link Optional} (Rust's {@code err()}). */
    default Optional<E> err() {
        return this instanceof Err<T, E> err ? Optional.ofNullable(err.error()) : Optional.empty();
    }

    /** Transforms the success value, leaving an error untouched. */
    default <U> Result<U, E> map(Function<? super T, ? extends U> f) {
        Objects.requireNonNull(f);
        if (this instanceof Ok<T, E> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Err<>(((Err<T, E>) this).error());
    }

    /** Transforms the error value, leaving a success untouched. */
    default <F> Result<T, F> mapErr(Function<? super E, ? extends F> f) {
        Objects.requireNonNull(f);
        if (this instanceof Err<T, E> err) {
            return new Err<>(f.apply(err.error()));
        }
        return new Ok<>(((Ok<T, E>) this).value());
    }

    /** Chains a fallible step after a success (Rust's {@code and_then}, the {@code ?} operator). */
    default <U> Result<U, E> andThen(Function<? super T, Result<U, E>> f) {
        Objects.requireNonNull(f);
        if (this instanceof Ok<T, E> ok) {
            return f.apply(ok.value());
        }
        return new Err<>(((Err<T, E>) this).error());
    }
}
