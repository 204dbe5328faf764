package app.registrar.ui.insights;

/** One bar of an Insights chart: its label in the admin's language and the number it stands for. */
public record ChartBar(String label, long count) {
}
