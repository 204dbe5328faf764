package app.registrar.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * One page of the account list: its rows, how many accounts match in all, and the offset of the next page
 * (absent on the last page).
 */
public record UserPage(List<UserSummary> users, long total, String nextToken) {

    @JsonCreator
    static UserPage fromJson(@JsonProperty("users") List<UserSummary> users,
                             @JsonProperty("total") long total,
                             @JsonProperty("next_token") String nextToken) {
        return new UserPage(users == null ? List.of() : List.copyOf(users), total, nextToken);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextToken);
    }
}
