using System.CommandLine;
using System.Text;
using Edge.Cli.Grammar;
using Edge.Common.Files;
using Edge.Data;
using Edge.Drift.Output;
using Edge.Drift.Profiles;
using Edge.Drift.Replay;
using Edge.Drift.Report;

namespace Edge.Cli.Commands.Drift;

/// <summary>`edge drift report`: one offline HTML page of a replay, or of a board's window reports and capture.</summary>
public static class DriftReportCommand
{
    public static Command Create()
    {
        var profileFile = new Option<FileInfo>("--profile") { Description = "Drift profile the windows were judged with (edge drift profile).", Required = true };
        var data = new Option<FileInfo[]>("--data", "-d") { Description = "Data to replay (CSV or Parquet), in time order; several files are replayed one after the other as one stream.", AllowMultipleArgumentsPerToken = true };
        var boardWindows = new Option<FileInfo?>("--board-windows") { Description = "Window reports a board sent (edge board stream --windows-out) instead of a replay." };
        var capture = new Option<FileInfo?>("--capture") { Description = "With --board-windows: the rows the board captured (edge board capture -o), drawn as the current histograms." };
        var focus = new Option<int?>("--focus-window") { Description = "The window shown feature by feature (default: the first confirmed, else the most drifted)." }.Within(1, int.MaxValue);
        var replay = new ReplayOptionSet();
        var output = new Option<FileInfo>("--output", "-o") { Description = "The page to write.", DefaultValueFactory = _ => new FileInfo("drift-report.html") };

        var command = new Command("report", """
            Writes one HTML page (works offline, no script) showing drift the way a reader judges it: the verdict; the window
            timeline (share of features drifted, anomaly rate, alarm, capture) with the confirmation rule drawn; the features
            ranked by drift; per feature the reference and current histograms on the profile's bins with every metric, its
            threshold and decision, and the raw-data bounds where the board works from bins; data quality (missing values,
            values outside the reference's range, unseen categories). The source is a replay through the board's drift code
            (--data) or what a board reported (--board-windows, optionally --capture).

            Examples:
              edge drift report --profile motor.edgp -d test_164V.features.csv -d drift_289V.features.csv -o drift.html
              edge drift report --profile motor.edgp --board-windows loom1.windows.json --capture retrain.csv -o loom1.html
            """)
        {
            profileFile, data, boardWindows, capture, focus, output,
        };
        foreach (var option in replay.All) command.Add(option);
        command.SetHandler((parse, io) =>
        {
            var files = parse.GetValue(data) ?? [];
            var windowsFile = parse.GetValue(boardWindows);
            if ((files.Length > 0) == (windowsFile is not null))
                throw new UserFacingException("give either --data (a replay) or --board-windows (what a board reported)", ExitCode.Usage);
            if (parse.GetValue(capture) is not null && windowsFile is null)
                throw new UserFacingException("--capture goes with --board-windows (a replay has every row already)", ExitCode.Usage);
            string profilePath = parse.GetValue(profileFile)!.FullName;
            var profile = ProfileFile.Read(profilePath);
            string profileName = Path.GetFileName(profilePath);
            int? focusWindow = parse.GetValue(focus);
            DriftReportModel model;
            if (windowsFile is not null)
            {
                var board = BoardWindowsJson.Read(windowsFile.FullName);
                if (board.Windows.Count > 0 && board.Windows[0].Columns.Count != profile.Columns.Length)
                    throw new UserFacingException($"{windowsFile.Name} reports {board.Windows[0].Columns.Count} columns, {profileName} has {profile.Columns.Length}: not the profile the board ran");
                CheckFocus(focusWindow, board.Windows.Count);
                IReadOnlyList<int[]>? captured = null;
                if (parse.GetValue(capture) is { } captureFile)
                    captured = RowEncoder.Encode(profile, TableReader.Read(captureFile.FullName), InputPrecision.Float32);
                model = DriftReportBuilder.FromBoard(profile, profileName, board, captured, parse.GetValue(capture)?.Name, focusWindow);
            }
            else
            {
                var tables = files.Select(f => TableReader.Read(f.FullName)).ToList();
                var options = replay.Read(parse);
                int windows = tables.Sum(t => t.RowCount) / (options.WindowSize ?? profile.Policy.WindowSize);
                CheckFocus(focusWindow, windows);
                model = DriftReportBuilder.FromReplay(profile, profileName, tables, options, focusWindow);
            }
            string path = parse.GetValue(output)!.FullName;
            AtomicFile.Write(path, Encoding.UTF8.GetBytes(DriftReportPage.Render(model)));
            var confirmed = model.FirstConfirmed;
            io.Out.WriteLine($"{path}: {model.Windows.Count} window(s), " +
                (confirmed is null ? "drift not confirmed" : $"drift confirmed at window {confirmed.Index}") +
                $"; features of window {model.FocusWindow} shown in detail");
            return ExitCode.Ok;
        });
        return command;
    }

    private static void CheckFocus(int? focus, int windows)
    {
        if (focus is { } f && f > windows)
            throw new UserFacingException($"--focus-window {f}: there are {windows} window(s)", ExitCode.Usage);
    }
}
