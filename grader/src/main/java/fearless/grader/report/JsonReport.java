package fearless.grader.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** {@code report.json}: the machine-readable contract other tools build on. Add fields, never rename. */
public final class JsonReport implements ReportFormat {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String id() {
        return "json";
    }

    @Override
    public String fileName() {
        return "report.json";
    }

    @Override
    public String render(GradeReport report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    /** Reads a report back, for tools and tests. */
    public static GradeReport parse(String json) throws JsonProcessingException {
        return JSON.readValue(json, GradeReport.class);
    }
}
