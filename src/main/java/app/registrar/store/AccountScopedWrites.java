package app.registrar.store;

import app.registrar.api.WriteIntent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Lets every write an account store makes for one account carry that account's Matrix user ID as its
 * {@link WriteIntent}. MAS's admin API names accounts, emails and sessions by its own IDs, so without this the audit
 * trail could not say whose account a MAS write changed. Every store method whose first argument is a user ID
 * ({@code @…}) is wrapped, so a task added to {@link AccountStore} later is covered without anyone remembering it.
 */
public final class AccountScopedWrites {

    private AccountScopedWrites() {
    }

    public static AccountStore wrap(AccountStore store) {
        return (AccountStore) Proxy.newProxyInstance(AccountStore.class.getClassLoader(), new Class<?>[] {AccountStore.class},
                (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof String userId && userId.startsWith("@")) {
                        return WriteIntent.as(userId, () -> call(store, method, args));
                    }
                    return call(store, method, args);
                });
    }

    private static Object call(AccountStore store, Method method, Object[] args) {
        try {
            return method.invoke(store, args);
        } catch (InvocationTargetException e) {
            // The store's own failure (a MatrixApiException, or a bug) as it was thrown, not wrapped.
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
