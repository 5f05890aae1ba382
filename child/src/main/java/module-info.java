/**
 * The grader's side of a child JVM. Only the wire format is exported (the parent reads it); the
 * channel, the watchdog and the listener are in a package that is neither exported nor opened,
 * so code in the class path's unnamed module (the submission) cannot call into them, read their
 * fields or look them up with method handles.
 */
module fearless.child {
    requires org.junit.platform.launcher;
    requires com.fasterxml.jackson.databind;
    requires java.management;

    exports fearless.child.wire;
    opens fearless.child.wire to com.fasterxml.jackson.databind;
}
