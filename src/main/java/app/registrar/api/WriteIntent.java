package app.registrar.api;

import java.util.function.Supplier;

/**
 * What an API method means by the writes it makes on this thread, for requests whose path alone is ambiguous
 * (Synapse's {@code PUT /v2/users/<id>} both creates and changes an account), or the Matrix user ID
 * ({@code @…}) they are for, where the path names the account by another ID (MAS's admin API).
 */
public final class WriteIntent {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

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
}
