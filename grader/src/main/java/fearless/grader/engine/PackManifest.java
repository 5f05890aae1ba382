package fearless.grader.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code fearless-pack.json}, the first entry of a pack: every other file's path, size and
 * SHA-256, and the kit and course it was packed for. The grader unpacks only files it lists with
 * those very bytes, so a pack changed on its way (an upload that mangled it, a file slipped in
 * later) is seen. Written the same way every time: the same files give the same bytes.
 *
 * @param format the manifest's version; fields are only ever added
 * @param kit the kit that packed it ({@code fearless 0.1.0})
 * @param course the title of the course it was packed for
 */
@JsonPropertyOrder({"format", "kit", "course", "files"})
public record PackManifest(int format, String kit, String course, List<Entry> files) {

    /** Its name in the zip, at the root. */
    public static final String NAME = "fearless-pack.json";

    /** The format this kit writes and reads. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** The same layout on every platform: two-space indent, {@code \n} line ends. */
    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    public PackManifest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One packed file: its path in the zip, its size in bytes and the SHA-256 of its bytes, in hex. */
    @JsonPropertyOrder({"path", "size", "sha256"})
    public record Entry(String path, long size, String sha256) {

        static Entry of(String path, byte[] bytes) {
            return new Entry(path, bytes.length, hash(bytes));
        }

        /** Whether {@code bytes} are this file's. */
        boolean matches(byte[] bytes) {
            return bytes.length == size && hash(bytes).equals(sha256);
        }
    }

    byte[] toJson() {
        try {
            return (JSON.writer(LAYOUT).writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException when {@code json} is not a manifest */
    static PackManifest parse(byte[] json) throws IOException {
        return JSON.readValue(json, PackManifest.class);
    }

    /** The SHA-256 of {@code bytes}, in lower-case hex. */
    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
