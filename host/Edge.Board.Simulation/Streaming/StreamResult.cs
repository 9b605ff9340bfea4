using Edge.Board.Client;

namespace Edge.Board.Streaming;

/// <summary>What streaming a table to a board produced: rows sent, and each completed window's report as the board computed it.</summary>
public sealed record StreamResult(int Rows, long BoardSamples, IReadOnlyList<WindowReport> Windows, BoardStatus FinalStatus);
