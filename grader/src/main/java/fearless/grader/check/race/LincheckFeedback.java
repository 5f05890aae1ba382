package fearless.grader.check.race;

/**
 * Turns Lincheck's failure text (26 to 166 KB) into feedback a student can read: the failing
 * scenario with its results, and the interleaving that leads to the error, thread by thread.
 * The "Detailed trace" (every read and write) and anything past the size budget are cut.
 */
final class LincheckFeedback {

    /** Characters of Lincheck's text kept, so the whole message stays under ~4 KB. */
    static final int BUDGET = 3000;

    private LincheckFeedback() {
    }

    /** The readable part of Lincheck's failure text, at most {@link #BUDGET} characters of it. */
    static String trim(String lincheckMessage) {
        if (lincheckMessage == null || lincheckMessage.isBlank()) {
            return "(Lincheck gave no details)";
        }
        String text = lincheckMessage;
        int detailed = text.indexOf("\nDetailed trace:");
        if (detailed >= 0) {
            text = text.substring(0, detailed);
        }
        text = text.strip();
        if (text.length() <= BUDGET) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int kept = 0;
        for (String line : lines) {
            if (out.length() + line.length() + 1 > BUDGET) {
                break;
            }
            out.append(line).append('\n');
            kept++;
        }
        out.append("... (").append(lines.length - kept).append(" more lines cut)");
        return out.toString();
    }
}
