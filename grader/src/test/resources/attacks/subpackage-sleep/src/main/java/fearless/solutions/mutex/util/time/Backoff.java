package fearless.solutions.mutex.util.time;

public final class Backoff {
    public static void pause() {
        try {
            Thread.sleep(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
