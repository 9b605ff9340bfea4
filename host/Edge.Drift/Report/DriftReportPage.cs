using System.Globalization;
using Edge.Drift.Report.Charts;
using Edge.Reports.Page;

namespace Edge.Drift.Report;

/// <summary>
/// `edge drift report`: one offline page, in the order a reader asks: did it drift (the verdict),
/// when (the window timeline with the confirmation rule), which features (ranked), how (each
/// feature's reference and current histograms with every metric, its threshold and decision, and
/// the raw-data bounds where the board works from bins), and can the data be trusted (data
/// quality). Drawn with the shared report code (Edge.Reports): plots are inline SVG, no script.
/// </summary>
public static class DriftReportPage
{
    public static string Render(DriftReportModel model)
    {
        var page = new ReportPage(model.Title, model.Title);
        var p = model.Policy;
        page.Meta($"{Capital(model.Source)}. Profile {model.ProfileSource} ({model.ReferenceRows:N0} reference rows, {model.Features.Count} features); " +
            $"windows of {model.WindowSize:N0} samples. Policy: a window drifts when at least {N(p.DriftShare)} of the features drift ({p.Combine}); " +
            $"drift is confirmed after {p.ConsecutiveWindows} drifting windows in a row and clears after as many clean ones; from an anomaly rate of {N(p.BurstRate)} " +
            "a drifting window's normal samples are checked alone (anomaly burst).");
        Verdict(page, model);

        page.Section("Windows over time", "timeline");
        page.Raw(TimelineChart.Render("timeline-chart", model));
        page.Note($"Each marker is a window's share of drifted features, coloured by the policy's verdict; the red line is the share at which a window drifts. " +
            $"A run of {p.ConsecutiveWindows} drifting windows confirms drift and raises the alarm (shaded) until {p.ConsecutiveWindows} clean windows clear it; " +
            "the bracket marks the run that confirmed it. The strip along the top is the retraining capture: armed from the first drifting window, frozen when drift is confirmed.");
        WindowTable(page, model);

        var focus = model.Focus!;
        page.Section($"Features ranked by drift in window {focus.Index}", "ranking");
        page.Paragraph($"Window {focus.Index} ({model.FocusReason}): {focus.DriftedFeatures} of {model.Features.Count} features drifted. " +
            "Each bar is the feature's deciding statistic over its threshold: past 1, the feature drifted.", "note");
        page.Raw(RankingChart.Render("ranking-chart", model.Ranked));

        page.Section("Reference against current, per feature", "features");
        page.Note($"Current: {model.CurrentDescription}. Reference: the profile's shares on its own bins (quantiles of the training data, so about equal). " +
            "Metrics are the board's; the deciding test is in bold, the others are judged at Evidently's default thresholds for comparison. " +
            "KS and Wasserstein come from bins on the board: the raw data's value lies within the bound shown.");
        page.Markup.Open("div", ("class", "grid wide"));
        foreach (var (feature, i) in model.Ranked.Select((f, i) => (f, i)))
            FeatureCard(page, feature, "feature-" + i.ToString(CultureInfo.InvariantCulture));
        page.Markup.Close("div");

        page.Section("Data quality", "quality");
        QualityTable(page, model);
        if (model.Notes.Count > 0)
        {
            page.Section("Notes");
            foreach (string note in model.Notes) page.Note(note);
        }
        return page.ToString();
    }

    private static void Verdict(ReportPage page, DriftReportModel model)
    {
        var confirmed = model.FirstConfirmed;
        var last = model.Windows[^1];
        string text = confirmed is not null
            ? $"Drift confirmed at window {confirmed.Index} (rows {confirmed.FirstRow:N0}-{confirmed.LastRow:N0}): {confirmed.DriftedFeatures} of {model.Features.Count} features drifted; " +
              $"the alarm {(last.Alarm ? "is still raised at the last window" : "was raised and has cleared by the last window")}."
            : model.Windows.Any(w => w.Drifting)
                ? $"No drift confirmed: {model.Windows.Count(w => w.Drifting)} of {model.Windows.Count} windows drifted, never {model.Policy.ConsecutiveWindows} in a row without an anomaly burst."
                : $"No drift: no window of {model.Windows.Count} drifted.";
        page.Markup.Element("p", text, ("class", confirmed is not null ? "verdict alarm" : "verdict"), ("id", "verdict"));
    }

    private static void WindowTable(ReportPage page, DriftReportModel model)
    {
        page.Table(["window", "rows", "features drifted", "share", "anomalies", "anomaly rate", "verdict", "alarm", "capture"],
            model.Windows.Select(w => (IReadOnlyList<string>)
            [
                w.Index.ToString(CultureInfo.InvariantCulture), $"{w.FirstRow:N0}-{w.LastRow:N0}", w.DriftedFeatures.ToString(CultureInfo.InvariantCulture), N(w.DriftShare, "0.###"),
                $"{w.Anomalies}/{w.Samples}", N(w.AnomalyRate, "0.###"), w.Verdict, w.Alarm ? "raised" : "", w.Capture ?? "not reported",
            ]).ToList(), textColumns: 0, rowClass: i => model.Windows[i].Verdict, id: "window-table");
    }

    private static void FeatureCard(ReportPage page, FeatureView feature, string id)
    {
        var deciding = feature.Metrics.FirstOrDefault(m => m.Decides);
        string caption = $"{feature.Name} ({feature.Kind}): {(feature.Drifted ? "drifted" : "no drift")} by {feature.Test}" +
            (deciding is { Value: { } v } ? $" {Value(v)} {(feature.Drifted ? deciding.Comparison : Negated(deciding.Comparison))} {Value(deciding.Threshold)}" : "");
        var markup = page.Markup;
        markup.Open("figure", ("class", feature.Drifted ? "drifted" : null), ("data-feature", feature.Name));
        if (feature.Histogram is not null) markup.Raw(HistogramChart.Render(id, feature));
        markup.Element("figcaption", caption);
        markup.Open("table").Open("thead").Open("tr");
        foreach (string header in new[] { "metric", "value", "threshold", "drift", "raw data within" })
            markup.Element("th", header, ("class", header == "metric" ? "text" : null));
        markup.Close("tr").Close("thead").Open("tbody");
        foreach (var m in feature.Metrics)
        {
            markup.Open("tr", ("class", m.Decides ? "decides" + (feature.Drifted ? " drifted" : "") : null), ("title", m.Note.Length > 0 ? m.Note : null));
            markup.Element("td", m.Name + (m.Decides ? " (decides)" : ""), ("class", "text"));
            markup.Element("td", Value(m.Value));
            markup.Element("td", m.Threshold is null ? "not reported" : $"{m.Comparison} {Value(m.Threshold)}");
            markup.Element("td", m.Drift switch { true => "yes", false => "no", null => "" }, ("class", "decision"));
            markup.Element("td", m.Low is { } low && m.High is { } high ? $"{Value(low)} – {Value(high)}{(m.BoundStraddlesThreshold ? " (either side)" : "")}" : "");
            markup.Close("tr");
        }
        markup.Close("tbody").Close("table");
        markup.Close("figure");
    }

    private static void QualityTable(ReportPage page, DriftReportModel model)
    {
        string Count(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "not reported";
        page.Table(["feature", "kind", "rows", "missing", "below reference min", "above reference max", "unseen categories"],
            model.Features.Select(f => (IReadOnlyList<string>)
            [
                f.Name, f.Kind, Count(f.Quality.Rows), Count(f.Quality.Missing),
                f.Kind == "numeric" ? Count(f.Quality.BelowReference) : "", f.Kind == "numeric" ? Count(f.Quality.AboveReference) : "",
                f.Kind is "categorical" or "predicted-class" ? Count(f.Quality.Unseen) : "",
            ]).ToList(), textColumns: 2, id: "quality-table");
        page.Note($"In {model.CurrentDescription}. Values outside the reference's range are what the board's out-of-profile check counts " +
            (model.Policy.OutOfProfileMinFeatures > 0 ? $"(a row with {model.Policy.OutOfProfileMinFeatures} or more such features is flagged anomalous). " : "(disabled in this profile). ") +
            "Missing values (empty or NaN) are counted by the board's drift monitor per window and kept out of its histograms.");
    }

    private static string Value(double? value) => value switch
    {
        null => "not reported",
        { } v when double.IsPositiveInfinity(v) => "∞",
        { } v => v.ToString(Math.Abs(v) >= 100 ? "0.#" : "0.####", CultureInfo.InvariantCulture),
    };

    /// <summary>The comparison that did not hold: "&gt;=" fails as "&lt;", "&gt;" as "&lt;=".</summary>
    private static string Negated(string comparison) => comparison == ">=" ? "<" : "<=";

    private static string N(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
