package fearless.grader.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A zip written byte by byte, for what {@code java.util.zip} will not write but a hostile
 * submission may hold: two entries of one name, an entry marked as a symbolic link.
 */
public final class RawZip {

    /** A regular file's Unix mode. */
    public static final int FILE = 0100644;

    /** A symbolic link's Unix mode. */
    public static final int LINK = 0120777;

    /** A named pipe's Unix mode. */
    public static final int FIFO = 0010644;

    /** One stored (not compressed) entry, packed on Unix with {@code mode}. */
    public record Entry(String name, String text, int mode) {
    }

    private RawZip() {
    }

    public static Path write(Path zip, List<Entry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (Entry entry : entries) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            byte[] data = entry.text().getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(data);
            int offset = out.size();
            out.write(header(30 + name.length).putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0x2821).putInt((int) crc.getValue())
                    .putInt(data.length).putInt(data.length).putShort((short) name.length).putShort((short) 0)
                    .put(name).array());
            out.write(data);
            directory.write(header(46 + name.length).putInt(0x02014b50).putShort((short) (3 << 8 | 20))
                    .putShort((short) 20).putShort((short) 0x0800).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0x2821).putInt((int) crc.getValue()).putInt(data.length).putInt(data.length)
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(entry.mode() << 16).putInt(offset).put(name).array());
        }
        int directoryOffset = out.size();
        out.write(directory.toByteArray());
        out.write(header(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries.size()).putShort((short) entries.size()).putInt(directory.size())
                .putInt(directoryOffset).putShort((short) 0).array());
        Files.write(zip, out.toByteArray());
        return zip;
    }

    private static ByteBuffer header(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
