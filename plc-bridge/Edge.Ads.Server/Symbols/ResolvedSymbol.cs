using Edge.Ads.Types;

namespace Edge.Ads.Server.Symbols;

/// <summary>
/// A name a client sent, resolved: a published symbol or a member/element path below one, with the
/// name spelled as declared, its type and where its bytes are.
/// </summary>
internal sealed record ResolvedSymbol(AdsSymbol Root, string Name, PlcType Type, uint IndexGroup, uint IndexOffset, bool Writable)
{
    public AdsRange Range => new(IndexGroup, IndexOffset, (uint)Type.Size);
}
