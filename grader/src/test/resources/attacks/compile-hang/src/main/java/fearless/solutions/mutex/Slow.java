package fearless.solutions.mutex;
class Slow { static boolean b; static <X> X f(X x) { return x; } Object o = f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? f(b ? 1 : 0) : 0) : 0) : 0) : 0) : 0) : 0) : 0) : 0) : 0) : 0) : 0) : 0) : 0) : 0) : 0) : 0) : 0); }
