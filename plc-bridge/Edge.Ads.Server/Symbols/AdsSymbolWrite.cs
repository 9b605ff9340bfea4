using Edge.Ads.Ams;
using Edge.Ads.Types;

namespace Edge.Ads.Server.Symbols;

/// <summary>
/// A client's write to a writable path, before it is stored: <see cref="Data"/> goes to
/// <see cref="Offset"/> bytes into the value of <see cref="Path"/>.
/// </summary>
public sealed record AdsSymbolWrite(string Path, PlcType Type, AmsAddress Sender, int Offset, ReadOnlyMemory<byte> Data)
{
    /// <summary>True when the write replaces the whole value (the usual case).</summary>
    public bool IsWholeValue => Offset == 0 && Data.Length == Type.Size;
}

/// <summary>
/// Decides on a client's write: <see cref="Protocol.AdsErrorCode.NoError"/> stores it (and notifies
/// subscribers), any other code is sent back and nothing changes. Runs on the connection's thread.
/// </summary>
public delegate Protocol.AdsErrorCode AdsWriteValidator(AdsSymbolWrite write);
