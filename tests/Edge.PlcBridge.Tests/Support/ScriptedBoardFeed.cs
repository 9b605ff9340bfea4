using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Edge.PlcBridge.Boards;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>
/// A board feed the test drives: it yields what the test pushes, throws or ends when told, and
/// records what the bridge asked of it. Each <see cref="WatchAsync"/> call reads the same script,
/// as a real feed that reconnects inside would.
/// </summary>
internal sealed class ScriptedBoardFeed(string board) : IBoardFeed
{
    private readonly Channel<Func<BoardSnapshot>> _script = Channel.CreateUnbounded<Func<BoardSnapshot>>();
    private static readonly Func<BoardSnapshot> EndOfWatch = () => throw new UnreachableException();
    private int _watchCalls;
    private int _acknowledges;

    public string Board { get; } = board;

    /// <summary>When set, the ack throws this instead of succeeding.</summary>
    public Exception? AcknowledgeFailure { get; set; }

    /// <summary>When set, WatchAsync waits forever without looking at its cancellation token.</summary>
    public bool IgnoreCancellation { get; init; }

    public int WatchCalls => Volatile.Read(ref _watchCalls);

    public int Acknowledges => Volatile.Read(ref _acknowledges);

    public bool Disposed { get; private set; }

    public void Push(BoardSnapshot snapshot) => _script.Writer.TryWrite(() => snapshot);

    /// <summary>A null snapshot, as a buggy feed might yield.</summary>
    public void PushNull() => _script.Writer.TryWrite(() => null!);

    /// <summary>The current WatchAsync call ends (the enumeration completes) when it gets here.</summary>
    public void End() => _script.Writer.TryWrite(EndOfWatch);

    /// <summary>The current WatchAsync call fails with <paramref name="error"/> when it gets here.</summary>
    public void Fail(Exception error) => _script.Writer.TryWrite(() => throw error);

    public async IAsyncEnumerable<BoardSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _watchCalls);
        if (IgnoreCancellation)
            await new TaskCompletionSource().Task; // a feed stuck in a read that never returns
        while (true)
        {
            var next = await _script.Reader.ReadAsync(cancellationToken);
            if (next == EndOfWatch)
                yield break;
            yield return next();
        }
    }

    public Task AcknowledgeAlarmAsync(CancellationToken cancellationToken)
    {
        if (AcknowledgeFailure is { } failure)
            return Task.FromException(failure);
        Interlocked.Increment(ref _acknowledges);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
