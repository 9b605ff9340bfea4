using System.CommandLine;
using Edge.Cli.Grammar;
using Edge.Common.Files;
using Edge.Data;
using Edge.Device.Drift;
using Edge.Drift.Output;
using Edge.Drift.Profiles;

namespace Edge.Cli.Commands.Drift;

/// <summary>`edge drift profile`: a reference data file in, the board's binary drift profile out.</summary>
public static class DriftProfileCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data", "-d") { Description = "Reference data (CSV with a header, or Parquet): what 'normal' looks like, e.g. the training set.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Profile file to write (the board's binary format, conventionally .edgp).", Required = true };
        var columns = new Option<string[]>("--columns") { Description = "Columns to monitor: names or globs, comma separated or repeated (default: all columns not excluded).", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude", "-x") { Description = "Columns never monitored (labels, ids): names or globs.", AllowMultipleArgumentsPerToken = true };
        var categorical = new Option<string[]>("--categorical") { Description = "Columns to treat as categorical even if they hold numbers.", AllowMultipleArgumentsPerToken = true };
        var score = new Option<string?>("--prediction-score") { Description = "Column with the model's output score, monitored for prediction drift." };
        var predicted = new Option<string?>("--predicted-class") { Description = "Column with the model's predicted class, monitored for prediction drift." };
        var bins = new Option<int>("--bins") { Description = "Histogram bins per numeric column; edges at the reference quantiles k/bins.", DefaultValueFactory = _ => 16 }.Within(DriftProfileFormat.MinBins, DriftProfileFormat.MaxBins);
        var test = new Option<string?>("--test") { Description = "Drift test for numeric columns: psi, kl, js, hellinger, tvd, ks, wasserstein (default as Evidently: wasserstein over 1000 reference rows, else ks)." };
        var categoricalTest = new Option<string?>("--categorical-test") { Description = "Drift test for categorical columns: psi, kl, js, hellinger, tvd, chi2, z (default as Evidently: js over 1000 reference rows, else chi2 or z)." };
        var threshold = new Option<double?>("--threshold") { Description = "Threshold of distance tests (default 0.1)." }.Positive(1e6);
        var alpha = new Option<double>("--alpha") { Description = "Significance level of ks, chi2 and z tests.", DefaultValueFactory = _ => 0.05 }.Must(a => a is > 0 and < 1, "between 0 and 1, both excluded");
        var window = new Option<int>("--window", "-w") { Description = "Samples per tumbling window on the board.", DefaultValueFactory = _ => 200 }.Within(1, DriftProfileFormat.MaxWindow);
        var driftShare = new Option<double>("--drift-share") { Description = "Share of features that must drift for dataset drift.", DefaultValueFactory = _ => 0.5 }.Within(0.0, 1.0);
        var consecutive = new Option<int>("--consecutive") { Description = "Drifting windows in a row that confirm drift (and clean windows that clear it).", DefaultValueFactory = _ => 3 }.Within(1, 255);
        var combine = new Option<string>("--combine") { Description = "What makes a window drift: data, prediction, data-and-prediction, data-or-prediction.", DefaultValueFactory = _ => "data" };
        var burstRate = new Option<double>("--burst-rate") { Description = "Anomaly rate from which a drifting window is checked for being an anomaly burst.", DefaultValueFactory = _ => 0.1 }.Within(0.0, 1.0);
        var minNormal = new Option<double>("--min-normal-share") { Description = "Share of normal samples a window needs for that check.", DefaultValueFactory = _ => 0.5 }.Within(0.0, 1.0);
        var decayBlock = new Option<int>("--decay-block") { Description = "Continuous (decayed) histogram: samples between decay steps.", DefaultValueFactory = _ => 32 }.Within(1, 65535);
        var decayShift = new Option<int>("--decay-shift") { Description = "Continuous histogram: each step keeps 1 - 2^-shift; memory is about block * 2^shift samples.", DefaultValueFactory = _ => 5 }.Within(1, 12);
        var board = new Option<string?>("--board")
        {
            Description = $"Fail (writing nothing) when the drift monitor for this profile, beside the board app, does not fit this board's managed heap on nanoCLR; says by how much. Known: {string.Join(", ", Edge.Targets.Boards.BoardTarget.Known.Select(b => b.Name))}.",
        };
        var captureRows = new Option<int>("--capture-rows") { Description = "Rows the retraining capture ring keeps on the board (0, the default, disables it: each row takes 4 bytes per column of the board's heap).", DefaultValueFactory = _ => 0 }.Within(0, 65535);
        var outOfProfile = new Option<int?>("--out-of-profile") { Description = "Features outside the reference range that flag a row as anomalous when no model does (default 10 % of numeric features; 0 disables)." }.Within(0, DriftProfileFormat.MaxColumns);

        var command = new Command("profile", """
            Builds the drift reference profile a board loads: bin edges at the reference quantiles, reference shares,
            tail means and std per numeric column, categories per categorical column, each column's test and threshold,
            and the detection policy, in the board's compact binary format (versioned, CRC-32 checked).

            Examples:
              edge drift profile -d samples/motor-flux/train_164V.features.csv --columns 'f*' --categorical load -o motor.edgp
              edge drift profile -d train.parquet -x label,id --bins 32 --test psi --threshold 0.2 -o line3.edgp
              edge drift profile -d samples/motor-flux/train_164V.features.csv --columns 'f[0-9]*' --categorical load --board nucleo-f746zg -o motor.edgp
            """)
        {
            data, output, columns, exclude, categorical, score, predicted, bins, test, categoricalTest, threshold, alpha, window,
            driftShare, consecutive, combine, burstRate, minNormal, decayBlock, decayShift, captureRows, outOfProfile, board,
        };
        command.SetHandler((parse, io) =>
        {
            var table = TableReader.Open(parse.GetValue(data)!.FullName);
            var options = new ProfileOptions
            {
                Columns = parse.GetValue(columns) ?? [],
                Exclude = parse.GetValue(exclude) ?? [],
                Categorical = parse.GetValue(categorical) ?? [],
                PredictionScoreColumn = parse.GetValue(score),
                PredictedClassColumn = parse.GetValue(predicted),
                Bins = parse.GetValue(bins),
                NumericTest = parse.GetValue(test),
                CategoricalTest = parse.GetValue(categoricalTest),
                Threshold = parse.GetValue(threshold),
                Alpha = parse.GetValue(alpha),
                WindowSize = parse.GetValue(window),
                DriftShare = parse.GetValue(driftShare),
                ConsecutiveWindows = parse.GetValue(consecutive),
                Combine = parse.GetValue(combine)!,
                BurstRate = parse.GetValue(burstRate),
                MinNormalShare = parse.GetValue(minNormal),
                DecayBlock = parse.GetValue(decayBlock),
                DecayShift = parse.GetValue(decayShift),
                CaptureRows = parse.GetValue(captureRows),
                OutOfProfileFeatures = parse.GetValue(outOfProfile),
            };
            var profile = ProfileBuilder.Build(table, options);
            var bytes = ProfileWriter.Write(profile);
            if (parse.GetValue(board) is { } boardName)
            {
                var fit = Edge.Targets.Memory.BoardMemory.Check(Edge.Targets.Boards.BoardTarget.Find(boardName), null, profile);
                if (!fit.Fits) throw new UserFacingException($"the drift monitor for this profile {fit.Verdict()}; fewer columns, fewer --bins or --capture-rows 0 make it smaller", ExitCode.InvalidInput);
                io.Out.WriteLine(fit.Verdict() + " (without a model)");
            }
            var target = parse.GetValue(output)!;
            AtomicFile.Write(target.FullName, bytes);
            ProfileSummary.Write(io.Out, profile, target.Name, bytes.Length);
            return ExitCode.Ok;
        });
        return command;
    }
}
