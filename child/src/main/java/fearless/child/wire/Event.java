package fearless.child.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One message from the child JVM to the parent, sent as a signed JSON line over the private
 * channel ({@link Signature}).
 *
 * @param type {@code runtime}, {@code started}, {@code finished} or {@code done}
 * @param check the JUnit unique id of the check, for {@code started} and {@code finished}
 * @param status {@code passed}, {@code failed}, {@code timeout}, {@code error}, {@code skipped},
 *               or {@code container-failed} (a check class could not be set up), for {@code finished}
 * @param detail the failure's feedback for {@code finished}; the JVM's name for {@code runtime}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(String type, String check, String status, String detail, long durationMs) {

    public static Event runtime(String java) {
        return new Event("runtime", null, null, java, 0);
    }

    public static Event started(String check) {
        return new Event("started", check, null, null, 0);
    }

    public static Event finished(String check, String status, String detail, long durationMs) {
        return new Event("finished", check, status, detail, durationMs);
    }

    public static Event done() {
        return new Event("done", null, null, null, 0);
    }
}
