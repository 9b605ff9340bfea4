using System.Text.Json;
using Edge.Hil.Inputs;
using Edge.Hil.Storage;
using Parquet.Serialization;

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
        try
        {
            foreach (string folder in new[] { directory.Root, directory.ModelsFolder, directory.CellsFolder, directory.TracesFolder }) Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HilInputException($"--out {path}: cannot create the run folder: {e.Message}", e);
        }
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
            return ResultJson.Deserialize<RunManifest>(File.ReadAllBytes(ManifestPath))
                ?? throw new HilInputException($"{ManifestPath} is empty");
        }
        catch (JsonException e)
        {
            throw new HilInputException($"{ManifestPath} is not a run manifest: {e.Message}", e);
        }
    }

    public void WriteManifest(RunManifest manifest) => AtomicFile.Write(ManifestPath, ResultJson.Serialize(manifest));

    /// <summary>A finished cell's result; null when there is none or it cannot be read (the cell then runs again).</summary>
    public CellResult? ReadCell(string cell)
    {
        string path = CellPath(cell);
        if (!File.Exists(path)) return null;
        try
        {
            return ResultJson.Deserialize<CellResult>(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    public void WriteCell(CellResult result) => AtomicFile.Write(CellPath(result.Cell), ResultJson.Serialize(result));

    /// <summary>The results of the manifest's cells that have one, in matrix order.</summary>
    public IReadOnlyList<CellResult> ReadResults(RunManifest manifest) =>
        manifest.Cells.Select(c => ReadCell(c.Cell)).OfType<CellResult>().ToList();

    /// <summary>Writes results.json and results.parquet from the cell files.</summary>
    public async Task<IReadOnlyList<CellResult>> CombineAsync(RunManifest manifest)
    {
        var results = ReadResults(manifest);
        AtomicFile.Write(ResultsJsonPath, ResultJson.Serialize(results));
        await AtomicFile.WriteAsync(ResultsParquetPath, stream => ParquetSerializer.SerializeAsync(results, stream)).ConfigureAwait(false);
        return results;
    }
}
