using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.Sessions;

/// <summary>
/// Variable handles (0xF003) of one connection: a number standing for a resolved name. Handles
/// belong to the connection that made them and die with it; the count is capped.
/// </summary>
internal sealed class HandleTable(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<uint, ResolvedSymbol> _handles = [];
    private uint _last;

    public int Capacity { get; } = capacity;

    public int Count
    {
        get
        {
            lock (_lock)
                return _handles.Count;
        }
    }

    /// <summary>False when the connection holds <c>capacity</c> handles already.</summary>
    public bool TryAdd(ResolvedSymbol symbol, out uint handle)
    {
        lock (_lock)
        {
            handle = 0;
            if (_handles.Count >= Capacity)
                return false;
            do
                handle = ++_last;
            while (handle == 0 || _handles.ContainsKey(handle));
            _handles.Add(handle, symbol);
            return true;
        }
    }

    public bool TryGet(uint handle, out ResolvedSymbol symbol)
    {
        lock (_lock)
            return _handles.TryGetValue(handle, out symbol!);
    }

    public bool Remove(uint handle)
    {
        lock (_lock)
            return _handles.Remove(handle);
    }
}
