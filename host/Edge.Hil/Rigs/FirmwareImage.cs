namespace Edge.Hil.Rigs;

/// <summary>
/// A firmware revision a real board can be flashed with: optionally nanoCLR itself
/// (<see cref="Clr"/>) and the Edge board app (<see cref="App"/>), both handed to <c>nanoff</c>.
/// The board must then report <see cref="Version"/> in its handshake.
/// </summary>
public sealed record FirmwareImage(string Version, string? Clr, string App);
