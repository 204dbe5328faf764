package app.registrar.api;

/**
 * Receives the rows of an account listing one at a time while its reply is still being read
 * ({@link AdminApi#streamUsers}), so a listing of any size never sits in memory whole. A sink that cannot take a
 * row (its file is full) throws an unchecked exception, which ends the read and reaches the caller unchanged.
 */
@FunctionalInterface
public interface UserRowSink {

    void accept(UserSummary row);
}
