package fearless.grader.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * A zip's central directory, read from the bytes on disk: the entries' names in order and the
 * Unix file type each was packed with. {@code java.util.zip} reads the contents but does not say
 * which entry is a symbolic link (that is written only in the Unix mode bits here), so the grader
 * reads the directory itself and checks that it names the same entries as {@code java.util.zip}.
 */
final class ZipDirectory {

    /** The end-of-directory record is within its size plus the longest comment from the end. */
    private static final int END_SIZE = 22;
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int HEADER_SIZE = 46;
    /** Far more than thousands of entries with long names need. */
    private static final long MAX_DIRECTORY_BYTES = 16 << 20;
    private static final int HEADER_SIGNATURE = 0x02014b50;
    private static final int MADE_ON_UNIX = 3;
    private static final int TYPE_MASK = 0xF000;
    private static final int TYPE_LINK = 0xA000;
    private static final int TYPE_FILE = 0x8000;
    private static final int TYPE_DIRECTORY = 0x4000;

    /**
     * One entry as the directory lists it.
     *
     * @param unixType the file-type bits of its Unix mode, 0 when it was not packed on Unix or
     *                 packed without a mode
     */
    record Entry(String name, int unixType) {

        boolean isLink() {
            return unixType == TYPE_LINK;
        }

        /** Neither a file, a folder, nor a mode-less entry: a device, a pipe, a socket. */
        boolean isSpecial() {
            return unixType != 0 && unixType != TYPE_FILE && unixType != TYPE_DIRECTORY && !isLink();
        }
    }

    private ZipDirectory() {
    }

    /**
     * The entries of {@code zip}, in the directory's order.
     *
     * @throws UsageException when the zip declares more than {@code maxEntries} entries (nothing
     *                        past its last record is read then)
     * @throws ZipException when it is not a zip this reader understands (zip64 included: no
     *                      submission needs one)
     */
    static List<Entry> read(Path zip, int maxEntries) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < END_SIZE) {
                throw new ZipException("too short for a zip");
            }
            int tailSize = (int) Math.min(size, END_SIZE + 0xFFFF);
            ByteBuffer tail = readFully(channel, size - tailSize, tailSize);
            int end = tailSize - END_SIZE;
            while (end >= 0 && tail.getInt(end) != END_SIGNATURE) {
                end--;
            }
            if (end < 0) {
                throw new ZipException("no end of central directory");
            }
            int count = Short.toUnsignedInt(tail.getShort(end + 10));
            long directorySize = Integer.toUnsignedLong(tail.getInt(end + 12));
            long directoryOffset = Integer.toUnsignedLong(tail.getInt(end + 16));
            if (count == 0xFFFF || directoryOffset == 0xFFFFFFFFL) {
                throw new ZipException("a zip64 archive");
            }
            if (count > maxEntries) {
                throw new UsageException(zip + " holds " + count + " entries, more than the " + maxEntries
                        + " a submission may have: not unpacked");
            }
            if (directorySize > MAX_DIRECTORY_BYTES) {
                throw new ZipException("a central directory larger than any submission's");
            }
            if (directoryOffset + directorySize > size - tailSize + end) {
                throw new ZipException("a central directory outside the file");
            }
            return entries(readFully(channel, directoryOffset, (int) directorySize), count);
        }
    }

    private static List<Entry> entries(ByteBuffer directory, int count) throws ZipException {
        List<Entry> entries = new ArrayList<>(count);
        int at = 0;
        for (int k = 0; k < count; k++) {
            if (at + HEADER_SIZE > directory.limit() || directory.getInt(at) != HEADER_SIGNATURE) {
                throw new ZipException("a broken central directory");
            }
            int madeOn = Short.toUnsignedInt(directory.getShort(at + 4)) >>> 8;
            int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
            int mode = directory.getInt(at + 38) >>> 16;
            if (at + HEADER_SIZE + nameLength > directory.limit()) {
                throw new ZipException("a broken central directory");
            }
            String name = utf8(directory.slice(at + HEADER_SIZE, nameLength));
            entries.add(new Entry(name, madeOn == MADE_ON_UNIX ? mode & TYPE_MASK : 0));
            at += HEADER_SIZE + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    /** Names as {@code java.util.zip} reads them by default: UTF-8, and a name that is not is an error. */
    private static String utf8(ByteBuffer bytes) throws ZipException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new ZipException("an entry name that is not UTF-8");
        }
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ZipException("truncated");
            }
        }
        buffer.flip();
        return buffer;
    }
}
