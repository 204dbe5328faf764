package app.registrar.testing;

import app.registrar.api.ProxyCredentials;
import app.registrar.ui.common.CertificateQuestion;
import app.registrar.ui.common.Confirmation;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorReport;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A {@link DialogService} for view-model tests: answers confirmations as scripted and records everything shown. */
public final class FakeDialogService implements DialogService {

    public final List<Confirmation> confirmations = new ArrayList<>();
    public final List<ErrorReport> errors = new ArrayList<>();
    public final List<String> notifications = new ArrayList<>();
    public final List<String> clipboard = new ArrayList<>();
    public final List<String> browsed = new ArrayList<>();
    /** What "the browser" does with an address it is asked to open (a MAS sign-in test plays the admin there). */
    public Consumer<String> browser = url -> { };
    public final List<CertificateQuestion> certificateQuestions = new ArrayList<>();
    public final List<String> proxyQuestions = new ArrayList<>();
    private Path png;
    private final Deque<Boolean> answers = new ArrayDeque<>();
    private final Deque<Boolean> trustAnswers = new ArrayDeque<>();
    private final Deque<ProxyCredentials> proxyAnswers = new ArrayDeque<>();
    private Choice choice = Choice.CANCEL;
    private Path image;

    /** The next confirmations are answered with these, in order; unscripted ones are declined. */
    public FakeDialogService answer(Boolean... next) {
        answers.addAll(List.of(next));
        return this;
    }

    /** The next certificate questions are answered with these, in order; unscripted ones are declined. */
    public FakeDialogService trust(Boolean... next) {
        trustAnswers.addAll(List.of(next));
        return this;
    }

    /** The next proxy questions are answered with these, in order; unscripted ones are cancelled. */
    public FakeDialogService proxyLogin(ProxyCredentials... next) {
        proxyAnswers.addAll(List.of(next));
        return this;
    }

    public FakeDialogService choose(Choice next) {
        choice = next;
        return this;
    }

    private Path csv;

    public FakeDialogService pickImage(Path file) {
        image = file;
        return this;
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        confirmations.add(confirmation);
        Boolean next = answers.poll();
        return next != null && next;
    }

    @Override
    public Choice choose(Confirmation confirmation, String alternativeLabel) {
        confirmations.add(confirmation);
        return choice;
    }

    @Override
    public void showError(String title, ErrorReport report) {
        errors.add(report);
    }

    @Override
    public boolean trustCertificate(CertificateQuestion question) {
        certificateQuestions.add(question);
        Boolean next = trustAnswers.poll();
        return next != null && next;
    }

    @Override
    public Optional<ProxyCredentials> askProxyCredentials(String title, String header, String text) {
        proxyQuestions.add(header + " " + text);
        return Optional.ofNullable(proxyAnswers.poll());
    }

    @Override
    public void showInformation(String title, String message) {
        notifications.add(message);
    }

    @Override
    public void notify(String message) {
        notifications.add(message);
    }

    @Override
    public Optional<Path> chooseImage() {
        return Optional.ofNullable(image);
    }

    /** The file the next CSV chooser answers with (null: the admin cancels). */
    public FakeDialogService pickCsv(Path file) {
        csv = file;
        return this;
    }

    @Override
    public Optional<Path> chooseCsvToRead() {
        return Optional.ofNullable(csv);
    }

    @Override
    public Optional<Path> chooseCsvToWrite(String title, String suggestedName) {
        return Optional.ofNullable(csv);
    }

    /** The file the next PNG chooser answers with (null: the admin cancels). */
    public FakeDialogService pickPng(Path file) {
        png = file;
        return this;
    }

    /** The names the PNG chooser suggested, in order. */
    public final List<String> suggestedPngNames = new ArrayList<>();

    @Override
    public Optional<Path> choosePngToWrite(String title, String suggestedName) {
        suggestedPngNames.add(suggestedName);
        return Optional.ofNullable(png);
    }

    @Override
    public void openInBrowser(String url) {
        browsed.add(url);
        browser.accept(url);
    }

    @Override
    public void copyToClipboard(String text) {
        clipboard.add(text);
    }
}
