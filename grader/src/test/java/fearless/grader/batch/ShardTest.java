package fearless.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fearless.grader.engine.UsageException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** N shards take every student exactly once, the same way every time. */
class ShardTest {

    @Test
    void the_shards_partition_the_list() {
        List<String> students = List.of("a", "b", "c", "d", "e", "f", "g");
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            all.addAll(Shard.parse(i + "/3").of(students));
        }
        assertEquals(List.of("a", "d", "g", "b", "e", "c", "f"), all);
        assertEquals(students, Shard.ALL.of(students));
    }

    @Test
    void a_bad_shard_is_refused() {
        for (String bad : List.of("0/3", "4/3", "3", "a/b", "1/0", "-1/2")) {
            assertThrows(UsageException.class, () -> Shard.parse(bad), bad);
        }
    }
}
