package app.registrar.api;

import java.util.function.Supplier;

/**
 * What an API method means by the writes it makes on this thread, for requests whose path alone is ambiguous
 * (Synapse's {@code PUT /v2/users/<id>} both creates and changes an account), or the Matrix user ID
 * ({@code @…}) they are for, where the path names the account by another ID (MAS's admin API).
 */
public final class WriteIntent {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<String> RUN = new ThreadLocal<>();

    /** Work that may throw a checked exception. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T get() throws E;
    }

    private WriteIntent() {
    }

    public static <T> T as(String intent, Supplier<T> work) {
        String before = CURRENT.get();
        CURRENT.set(intent);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    static String current() {
        return CURRENT.get();
    }

    /**
     * Runs {@code work} as one row of a bulk run: every write it makes carries {@code label} ("run 3f2a91c0, 4 of
     * 40"), so the audit trail shows which run a change belonged to.
     */
    public static <T, E extends Exception> T inRun(String label, Work<T, E> work) throws E {
        String before = RUN.get();
        RUN.set(label);
        try {
            return work.get();
        } finally {
            if (before == null) {
                RUN.remove();
            } else {
                RUN.set(before);
            }
        }
    }

    /** The bulk run the writes of this thread belong to, or null outside a run. */
    public static String currentRun() {
        return RUN.get();
    }
}
