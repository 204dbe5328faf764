package app.registrar.api;

/**
 * What a streamed listing said besides its rows (which went to a {@link UserRowSink}): how many accounts match in
 * all, the offset of the next page (null on the last), and how many rows this page held.
 */
public record StreamedPage(long total, String nextToken, long rows) {
}
