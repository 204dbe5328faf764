package app.registrar.bulk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every account's result of a bulk action, in the order they were given. */
public record BulkReport(BulkAction action, List<BulkResult> results, boolean cancelled, Duration took) {

    public BulkReport {
        results = List.copyOf(results);
    }

    public long count(BulkResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public Map<BulkResult.Outcome, Long> counts() {
        return results.stream().collect(Collectors.groupingBy(BulkResult::outcome, Collectors.counting()));
    }

    public Map<String, BulkResult> byUserId() {
        return results.stream().collect(Collectors.toMap(BulkResult::userId, Function.identity(), (a, b) -> a));
    }
}
