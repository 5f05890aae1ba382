package fearless.grader.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example CI files parse as YAML and say what the README promises: a typo in one would ship to
 * every course that copies it.
 */
class CiFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = CiFilesTest.class.getResourceAsStream("/fearless/ci/" + name)) {
            assertNotNull(in, name);
            return YAML.readTree(in);
        }
    }

    private static List<String> runs(JsonNode job) {
        List<String> runs = new ArrayList<>();
        job.get("steps").forEach(step -> runs.add(step.path("run").asText("")));
        return runs;
    }

    @Test
    void the_classroom_workflow_grades_for_github_and_hands_the_result_to_the_reporter() throws IOException {
        JsonNode job = read("classroom.yml").get("jobs").get("run-autograding-tests");
        assertTrue(runs(job).contains("./fearless grade --format console,github --fail-under \"$FAIL_UNDER\""));
        JsonNode reporter = null;
        for (JsonNode step : job.get("steps")) {
            if (step.path("uses").asText().startsWith("classroom-resources/autograding-grading-reporter@")) {
                reporter = step;
            }
        }
        assertNotNull(reporter);
        String runner = reporter.get("with").get("runners").asText();
        assertEquals("${{ steps.fearless.outputs.result }}",
                reporter.get("env").get(runner.toUpperCase() + "_RESULTS").asText());
        assertTrue(job.get("steps").toString().contains("actions/upload-artifact@"));
    }

    @Test
    void the_shard_workflow_merges_every_shard_it_grades() throws IOException {
        JsonNode jobs = read("batch-shards.yml").get("jobs");
        JsonNode shards = jobs.get("shard").get("strategy").get("matrix").get("shard");
        int n = shards.size();
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1, shards.get(i).asInt());
        }
        assertTrue(runs(jobs.get("shard")).contains("./fearless batch submissions --shard ${{ matrix.shard }}/" + n
                + " --jobs 2 --out out-${{ matrix.shard }}"));
        StringBuilder merge = new StringBuilder("./fearless merge");
        for (int i = 1; i <= n; i++) {
            merge.append(" out-").append(i);
        }
        assertTrue(runs(jobs.get("merge")).contains(merge + " --out gradebook"), runs(jobs.get("merge")).toString());
        assertEquals("shard", jobs.get("merge").get("needs").asText());
    }

    @Test
    void the_kubernetes_job_runs_one_pod_per_shard() throws IOException {
        JsonNode job = read("batch-job.yaml");
        assertEquals("Job", job.get("kind").asText());
        JsonNode spec = job.get("spec");
        assertEquals("Indexed", spec.get("completionMode").asText());
        int n = spec.get("completions").asInt();
        assertEquals(n, spec.get("parallelism").asInt());
        JsonNode container = spec.get("template").get("spec").get("containers").get(0);
        assertEquals("./fearless batch /submissions --shard $((JOB_COMPLETION_INDEX+1))/" + n
                + " --jobs 2 --out /out/shard-$((JOB_COMPLETION_INDEX+1))", container.get("args").get(0).asText());
        assertEquals("Never", spec.get("template").get("spec").get("restartPolicy").asText());
    }
}
