using Edge.Drift.Replay;

namespace Edge.Drift.Report;

/// <summary>Window reports one board sent while a data file was streamed to it, in the replay's record shape (what the board does not report is null or empty).</summary>
/// <param name="Source">The file they were read from, for messages.</param>
public sealed record BoardWindows(string Source, string Board, string Profile, string Data, int WindowSize, IReadOnlyList<WindowRecord> Windows);
