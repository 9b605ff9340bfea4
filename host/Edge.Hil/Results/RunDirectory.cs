using System.Text.Json;
using Edge.Common.Files;
using Edge.Hil.Inputs;
using Edge.Hil.Storage;

namespace Edge.Hil.Results;

/// <summary>
/// A run's folder. Layout:
/// <code>
/// manifest.json            the matrix, inputs and their hashes (RunManifest)
/// models/NAME.edgem        models the harness converted (+ NAME.source.json: what from)
/// cells/CELL.json          one result per finished cell, written atomically
/// traces/CELL.parquet      the raw current trace of each measured cell (TraceFile)
/// results.json, .parquet   all cells of the matrix, combined from cells/
/// report.html              `edge hil report`
/// </code>
/// Each file is written to a temporary name and renamed, so a killed run leaves only whole files.
/// </summary>
public sealed class RunDirectory
{
    // A cell result or manifest is a few KB; far larger is not one.
    private const long MaxJsonBytes = 16L * 1024 * 1024;

    private RunDirectory(string root) => Root = root;

    public string Root { get; }

    public string ManifestPath => Path.Combine(Root, "manifest.json");

    public string ModelsFolder => Path.Combine(Root, "models");

    public string CellsFolder => Path.Combine(Root, "cells");

    public string TracesFolder => Path.Combine(Root, "traces");

    public string ResultsJsonPath => Path.Combine(Root, "results.json");

    public string ResultsParquetPath => Path.Combine(Root, "results.parquet");

    public string ReportPath => Path.Combine(Root, "report.html");

    public string CellPath(string cell) => Path.Combine(CellsFolder, cell + ".json");

    public string TracePath(string cell) => Path.Combine(TracesFolder, cell + ".parquet");

    /// <summary>Creates the folder and its subfolders (or checks them).</summary>
    public static RunDirectory Create(string path)
    {
        var directory = new RunDirectory(Path.GetFullPath(path));
        foreach (string folder in new[] { directory.Root, directory.ModelsFolder, directory.CellsFolder, directory.TracesFolder }) OutputFolder.Create(folder);
        return directory;
    }

    /// <summary>An existing run folder (for reports); throws when it holds no run.</summary>
    public static RunDirectory Existing(string path)
    {
        var directory = new RunDirectory(Path.GetFullPath(path));
        if (!Directory.Exists(directory.Root)) throw new HilInputException($"{path} does not exist");
        if (!File.Exists(directory.ManifestPath)) throw new HilInputException($"{path} holds no run (no manifest.json); run `edge hil run --out {path}` first");
        return directory;
    }

    public RunManifest? ReadManifest()
    {
        if (!File.Exists(ManifestPath)) return null;
        try
        {
            return ResultJson.Deserialize<RunManifest>(InputFile.ReadAllBytes(ManifestPath, MaxJsonBytes, "a run manifest"))
                ?? throw new HilInputException($"{ManifestPath} is empty");
        }
        catch (JsonException e)
        {
            throw new HilInputException($"{ManifestPath} is not a run manifest: {e.Message}", e);
        }
    }

    public void WriteManifest(RunManifest manifest) => ResultWriteException.Guard(() => AtomicFile.Write(ManifestPath, ResultJson.Serialize(manifest)));

    /// <summary>A finished cell's result; null when there is none or it cannot be read (the cell then runs again; <see cref="Unreadable"/> says why).</summary>
    public CellResult? ReadCell(string cell) => ReadCell(cell, out _);

    private CellResult? ReadCell(string cell, out string? problem)
    {
        problem = null;
        string path = CellPath(cell);
        if (!File.Exists(path)) return null;
        try
        {
            var result = ResultJson.Deserialize<CellResult>(InputFile.ReadAllBytes(path, MaxJsonBytes, "a cell result"));
            if (result is null || result.Cell != cell) problem = result is null ? "empty" : $"holds the result of another cell ('{result.Cell}')";
            return problem is null ? result : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            problem = e is JsonException ? "not a cell result (" + e.Message + ")" : e.Message;
            return null;
        }
    }

    /// <summary>The manifest's cells whose result file exists but cannot be read (damaged, truncated, foreign), each with the reason.</summary>
    public IReadOnlyList<string> Unreadable(RunManifest manifest) =>
        manifest.Cells.Select(c => ReadCell(c.Cell, out string? problem) is null && problem is not null ? $"{Path.GetRelativePath(Root, CellPath(c.Cell))}: {problem}" : null)
            .OfType<string>().ToList();

    public void WriteCell(CellResult result) => ResultWriteException.Guard(() => AtomicFile.Write(CellPath(result.Cell), ResultJson.Serialize(result)));

    /// <summary>The results of the manifest's cells that have one, in matrix order.</summary>
    public IReadOnlyList<CellResult> ReadResults(RunManifest manifest) =>
        manifest.Cells.Select(c => ReadCell(c.Cell)).OfType<CellResult>().ToList();

    /// <summary>Writes results.json and results.parquet from the cell files.</summary>
    public async Task<IReadOnlyList<CellResult>> CombineAsync(RunManifest manifest)
    {
        var results = ReadResults(manifest);
        ResultWriteException.Guard(() => AtomicFile.Write(ResultsJsonPath, ResultJson.Serialize(results)));
        await ResultWriteException.GuardAsync(() => AtomicFile.WriteAsync(ResultsParquetPath, stream => ResultsParquet.WriteAsync(results, stream))).ConfigureAwait(false);
        return results;
    }
}
