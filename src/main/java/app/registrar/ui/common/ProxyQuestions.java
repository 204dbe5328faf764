package app.registrar.ui.common;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ProxyCredentials;
import app.registrar.api.ProxyPrompt;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Puts a proxy's request for a password to the admin through the {@link DialogService}. HTTP calls run on worker
 * threads; the question is handed to the UI thread ({@code uiThread}) and the worker waits for the answer.
 */
public final class ProxyQuestions implements ProxyPrompt {

    private final DialogService dialogs;
    private final Executor uiThread;

    public ProxyQuestions(DialogService dialogs, Executor uiThread) {
        this.dialogs = dialogs;
        this.uiThread = uiThread;
    }

    @Override
    public Optional<ProxyCredentials> ask(Question question) {
        String proxy = question.proxyHost() + ":" + question.proxyPort();
        String header = question.realm().isBlank() ? tr("proxy.header", proxy) : tr("proxy.header.realm", proxy, question.realm());
        String text = (question.refusedBefore() ? tr("proxy.refused") + " " : "") + tr("proxy.text");
        CompletableFuture<Optional<ProxyCredentials>> answer = new CompletableFuture<>();
        uiThread.execute(() -> {
            try {
                answer.complete(dialogs.askProxyCredentials(tr("proxy.title"), header, text));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }
}
