package app.registrar.api;

import java.util.List;

/**
 * One page of a MAS admin API list. MAS pages by cursor: {@code lastCursor} is where the next page starts
 * ({@code page[after]}), {@code more} says whether there is one. {@code total} counts every match, when counted.
 */
public record MasPage<T>(List<T> items, String lastCursor, boolean more, Long total) {

    /** The cursor of the next page, or null on the last page. */
    public String next() {
        return more ? lastCursor : null;
    }
}
