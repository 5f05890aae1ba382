package fearless.grader.checks.parallel;

/**
 * A piece of text, combined by concatenation: associative, with {@code ""} as its identity, and
 * not commutative, so combining parts out of order shows. Every combination is a new object,
 * so an input is recognised by identity wherever it is handed to the operator.
 */
record Piece(String text) {

    static Piece concat(Piece a, Piece b) {
        return new Piece(a.text + b.text);
    }

    @Override
    public String toString() {
        return '"' + text + '"';
    }
}
