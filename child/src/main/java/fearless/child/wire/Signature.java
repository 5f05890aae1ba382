package fearless.child.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tag on every event line: an HMAC over the line's number and text, keyed with a secret the
 * parent hands the child on stdin before any submission class loads. Code that manages to write
 * onto the channel without the key (through a duplicated file descriptor, say) writes lines the
 * parent rejects, and a line replayed out of order does not verify either.
 */
public final class Signature {

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;

    public Signature(byte[] key) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + ALGORITHM + " in this JVM", e);
        }
    }

    /** The tag of line number {@code seq} with text {@code line}. */
    public synchronized String tag(long seq, String line) {
        mac.update((seq + "\n").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(line.getBytes(StandardCharsets.UTF_8)));
    }
}
