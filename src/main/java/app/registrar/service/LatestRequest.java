package app.registrar.service;

import java.util.function.Consumer;

/**
 * Tells the answer to the latest request from stale ones: each new request takes a {@link Ticket}, and an answer
 * counts only while no newer request was made (the search text changed, another account was selected). Used on
 * the thread that delivers results, like the callbacks it guards.
 */
public final class LatestRequest {

    private int latest;

    /** A ticket for a new request; every ticket handed out before goes stale. */
    public Ticket next() {
        return new Ticket(++latest);
    }

    /** A ticket for one more request of the same round (another page of the same query); none goes stale. */
    public Ticket current() {
        return new Ticket(latest);
    }

    /** The right to have one's answer shown, as long as no newer request was made. */
    public final class Ticket {
        private final int number;

        private Ticket(int number) {
            this.number = number;
        }

        public boolean isCurrent() {
            return number == latest;
        }

        /** {@code callback}, run only while this ticket is current. */
        public <T> Consumer<T> ifCurrent(Consumer<T> callback) {
            return value -> {
                if (isCurrent()) {
                    callback.accept(value);
                }
            };
        }

        /** {@code callback}, run only while this ticket is current. */
        public Runnable ifCurrent(Runnable callback) {
            return () -> {
                if (isCurrent()) {
                    callback.run();
                }
            };
        }
    }
}
