package fearless.grader.checks.parker;

/** The parker's whole state, as the property sees it: one token, there or not (T7). */
final class TokenModel {
    boolean token;
}
