package fearless.grader.notes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * One Markdown file of the course notes, read as CommonMark with tables and heading anchors: its
 * title, sections, links, the anchors a link may name, and its HTML. Headings get the ids GitHub
 * gives them ({@code ## 6. unsafe {}} is {@code #6-unsafe-}), so a link that works on GitHub works
 * in the site, and the tests that check links use the very ids the site renders.
 *
 * <p>Parsed once, and rendered once to learn the headings' ids: the rule index and the tests ask
 * every page for its sections and anchors many times over.
 */
public final class NotePage {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final Pattern RAW_ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    /**
     * A level-two heading and what is under it: the prose (code left out) and the ids its raw HTML
     * declares ({@code <a id="rule-x2"></a>}).
     */
    public record Section(String id, String title, String prose, Set<String> anchors) {
    }

    private final String file;
    private final String markdown;
    private final Node document;
    private final Set<String> anchors = new LinkedHashSet<>();
    private final List<Section> sections;

    /** @param file the file's name in the notes folder ({@code 06-mutex.md}) */
    public NotePage(String file, String markdown) {
        this.file = file;
        this.markdown = markdown;
        this.document = PARSER.parse(markdown);
        Map<Node, String> headingIds = new IdentityHashMap<>();
        ids(renderer(UnaryOperator.identity(), headingIds).render(document), anchors);
        this.sections = sections(document, headingIds);
    }

    public String file() {
        return file;
    }

    public String markdown() {
        return markdown;
    }

    public Node document() {
        return document;
    }

    /** The first level-one heading's text, or the file name. */
    public String title() {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h && h.getLevel() == 1) {
                return text(h);
            }
        }
        return file;
    }

    /** The page as HTML (the body only), with each link's destination passed through {@code links}. */
    public String html(UnaryOperator<String> links) {
        return renderer(links, new IdentityHashMap<>()).render(document);
    }

    /** Every id a link may name: the headings' and those of raw HTML such as {@code <a id="rule-x2"></a>}. */
    public Set<String> anchors() {
        return Collections.unmodifiableSet(anchors);
    }

    /** Every link's destination, as written. */
    public List<String> links() {
        List<String> links = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
                visitChildren(link);
            }
        });
        return links;
    }

    /** The level-two sections in order, each with its heading's id. */
    public List<Section> sections() {
        return sections;
    }

    private static List<Section> sections(Node document, Map<Node, String> headingIds) {
        List<Section> sections = new ArrayList<>();
        Heading heading = null;
        StringBuilder prose = new StringBuilder();
        Set<String> anchors = new LinkedHashSet<>();
        for (Node node = document.getFirstChild(); ; node = node.getNext()) {
            if (node == null || node instanceof Heading h && h.getLevel() <= 2) {
                if (heading != null) {
                    sections.add(new Section(headingIds.get(heading), text(heading), prose.toString(), Set.copyOf(anchors)));
                }
                if (node == null) {
                    return List.copyOf(sections);
                }
                heading = ((Heading) node).getLevel() == 2 ? (Heading) node : null;
                prose.setLength(0);
                anchors.clear();
            } else if (heading != null) {
                read(node, prose, anchors);
            }
        }
    }

    /** The fenced code blocks whose info string starts with {@code language}. */
    public List<FencedCodeBlock> fences(String language) {
        List<FencedCodeBlock> fences = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (CodeFence.language(block.getInfo()).equals(language)) {
                    fences.add(block);
                }
            }
        });
        return fences;
    }

    private static HtmlRenderer renderer(UnaryOperator<String> links, Map<Node, String> headingIds) {
        return HtmlRenderer.builder().extensions(EXTENSIONS)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Heading && attributes.containsKey("id")) {
                        headingIds.put(node, attributes.get("id"));
                    } else if (node instanceof Link && attributes.containsKey("href")) {
                        attributes.put("href", links.apply(attributes.get("href")));
                    } else if (node instanceof FencedCodeBlock block) {
                        CodeFence.attributes(block.getInfo(), tag, attributes);
                    }
                })
                .build();
    }

    /** A heading's text as its id is made from: the text and the inline code, nothing else. */
    static String text(Node heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                text.append(c.getLiteral());
            }
        });
        return text.toString();
    }

    private static void read(Node block, StringBuilder prose, Set<String> anchors) {
        block.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                prose.append(t.getLiteral()).append(' ');
            }

            @Override
            public void visit(HtmlInline html) {
                ids(html.getLiteral(), anchors);
            }

            @Override
            public void visit(HtmlBlock html) {
                ids(html.getLiteral(), anchors);
            }
        });
        prose.append('\n');
    }

    private static void ids(String html, Set<String> into) {
        Matcher m = RAW_ID.matcher(html);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
