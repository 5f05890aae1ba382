package fearless.grader.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The HTML pages' templates ({@code grader/src/main/jte}), compiled to classes at build time, so
 * nothing is compiled while grading and only jte's runtime ships. Their content type is HTML:
 * every value a template prints is escaped for where it stands (text or attribute).
 */
public final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), "fearless.grader.report.templates");

    private Templates() {
    }

    public static String render(String template, Object model) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, model, out);
        return out.toString();
    }
}
