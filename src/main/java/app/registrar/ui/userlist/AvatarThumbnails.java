package app.registrar.ui.userlist;

import app.registrar.service.AccountService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Small avatar pictures for the list rows, fetched with the admin's token (authenticated media), at most two at
 * a time so they never hold up the rows themselves, and kept in a bounded cache. Must be used on one thread.
 */
final class AvatarThumbnails {

    static final int SIZE = 32;
    private static final int MAX_CACHED = 500;
    private static final int MAX_IN_FLIGHT = 2;
    private static final byte[] FAILED = new byte[0];

    private final AccountService service;
    private final Map<String, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > MAX_CACHED;
        }
    };
    private final Map<String, List<Consumer<byte[]>>> waiting = new HashMap<>();
    private final Deque<String> queue = new ArrayDeque<>();
    private int inFlight;

    AvatarThumbnails(AccountService service) {
        this.service = service;
    }

    /** Delivers the picture's bytes to {@code callback} (now if cached); nothing when it cannot be loaded. */
    void load(String mxcUri, Consumer<byte[]> callback) {
        if (mxcUri == null || !mxcUri.startsWith("mxc://")) {
            return;
        }
        byte[] cached = cache.get(mxcUri);
        if (cached != null) {
            if (cached != FAILED) {
                callback.accept(cached);
            }
            return;
        }
        List<Consumer<byte[]>> callbacks = waiting.get(mxcUri);
        if (callbacks != null) {
            callbacks.add(callback);
            return;
        }
        waiting.put(mxcUri, new ArrayList<>(List.of(callback)));
        queue.addFirst(mxcUri);
        pump();
    }

    private void pump() {
        while (inFlight < MAX_IN_FLIGHT && !queue.isEmpty()) {
            String uri = queue.pollFirst();
            inFlight++;
            service.thumbnail(uri, SIZE)
                    .onSuccess(bytes -> deliver(uri, bytes))
                    .onFailure(error -> deliver(uri, FAILED))
                    .andFinally(() -> {
                        inFlight--;
                        pump();
                    })
                    .start();
        }
    }

    private void deliver(String uri, byte[] bytes) {
        cache.put(uri, bytes);
        List<Consumer<byte[]>> callbacks = waiting.remove(uri);
        if (callbacks != null && bytes != FAILED) {
            callbacks.forEach(c -> c.accept(bytes));
        }
    }
}
