package fearless.grader.promises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of a source file's Javadoc, as plain text: inline tags reduced to their text,
 * HTML dropped, paragraphs, list items and block tags ended as sentences of their own. Code
 * examples ({@code <pre>}) are left out: they illustrate what the sentences promise.
 */
final class JavadocSentences {

    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern PRE = Pattern.compile("<pre>.*?</pre>", Pattern.DOTALL);
    private static final Pattern INLINE =
            Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s+((?:[^{}]|\\{[^{}]*\\})*)\\}");
    private static final Pattern BREAK = Pattern.compile("(?i)<li>|</li>|<p>|<ul>|</ul>|\\n\\s*\\n|@param|@return|@throws");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!e\\.g\\.)(?<=[.!?])\\s+(?=[A-Z0-9(\"'])");
    private static final char HARD_BREAK = '\u0000';
    /** Angle brackets of code, kept apart from HTML's until the tags are gone. */
    private static final char LT = '\u0001';
    private static final char GT = '\u0002';

    private JavadocSentences() {
    }

    static List<String> of(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> sentences = new ArrayList<>();
        Matcher comment = COMMENT.matcher(source);
        while (comment.find()) {
            String text = comment.group(1).replaceAll("(?m)^\\s*\\*", " ");
            text = PRE.matcher(text).replaceAll(" ");
            text = INLINE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(inline(m.group(1), m.group(2))));
            text = BREAK.matcher(text).replaceAll(String.valueOf(HARD_BREAK)).replaceAll("<[^>]+>", " ");
            for (String paragraph : text.split(String.valueOf(HARD_BREAK))) {
                String plain = paragraph.replaceAll("\\s+", " ").trim().replace(LT, '<').replace(GT, '>');
                for (String sentence : SENTENCE_END.split(plain)) {
                    if (sentence.length() > 1) {
                        sentences.add(sentence);
                    }
                }
            }
        }
        return sentences;
    }

    /** Code stays as written; a link reads as its label, or as its target ({@code #lock()} reads "lock()"). */
    private static String inline(String tag, String body) {
        String b = body.trim();
        if (tag.equals("code") || tag.equals("literal")) {
            return b.replace('<', LT).replace('>', GT);
        }
        int depth = 0;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (Character.isWhitespace(c) && depth == 0) {
                return b.substring(i + 1).trim();
            }
        }
        return (b.startsWith("#") ? b.substring(1) : b).replace('#', '.');
    }
}
