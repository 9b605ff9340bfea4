using Edge.Transport;

namespace Edge.Board.Link;

/// <summary>
/// What a link client and the line under it are doing, for tests that drive the link's timeouts
/// with a fake clock: the link <see cref="IsQuiet"/> only when a request waits for its answer,
/// every request stamped with a send time has been written, every byte on the line in either
/// direction has been read, and both readers wait for more having handled all they read. Then
/// nothing can happen until time passes (an answer that is missing is lost), so advancing the
/// clock is exactly "no answer came in that time". The client reports its own part
/// (<see cref="LinkOptions.Activity"/>); whatever carries the bytes (an in-memory line in tests)
/// reports the line's. Product code passes none (the hooks are null checks).
/// </summary>
internal sealed class LinkActivity
{
    private readonly object gate = new();
    private readonly LineChanges changes;
    private int owedWrites, unanswered;
    private bool closed;
    private readonly long[] sent = new long[2], received = new long[2], waitingAt = [-1, -1];

    /// <summary>Completes at the next change of anything counted here.</summary>
    public Task NextChange => changes.Next;

    public LinkActivity() => changes = new LineChanges(gate);

    public bool IsQuiet
    {
        get
        {
            lock (gate)
                return !closed && unanswered > 0 && owedWrites == 0
                    && Settled(LineDirection.ToBoard) && Settled(LineDirection.ToHost);
        }
    }

    /// <summary>Nothing awaits an answer or a write, and the line is settled: a link that has done all it was asked.</summary>
    public bool IsIdle
    {
        get
        {
            lock (gate)
                return unanswered == 0 && owedWrites == 0 && Settled(LineDirection.ToBoard) && Settled(LineDirection.ToHost);
        }
    }

    public override string ToString()
    {
        lock (gate)
            return $"{unanswered} unanswered, {owedWrites} writes owed{(closed ? ", closed" : "")}; " +
                   $"to board: sent {sent[0]}, read {received[0]}, reader waits since {waitingAt[0]}; " +
                   $"to host: sent {sent[1]}, read {received[1]}, reader waits since {waitingAt[1]}";
    }

    /// <summary>Requests were given their send time (and a write is owed); they now await answers.</summary>
    public void Stamped(int requests) => Change(() =>
    {
        owedWrites++;
        unanswered += requests;
    });

    /// <summary>A write is owed: resends stamped, a ping or a hello attempt about to go out.</summary>
    public void Owe() => Change(() => owedWrites++);

    /// <summary>An owed write went out (or failed); for a hello, its timeout is running.</summary>
    public void Wrote() => Change(() => owedWrites--);

    /// <summary>A request is settled: answered, given up, or failed with the link.</summary>
    public void Settled() => Change(() => unanswered--);

    public void Closed() => Change(() => closed = true);

    /// <summary>The line took bytes from one end (after noise: what will arrive).</summary>
    public void LineSent(LineDirection direction, int bytes) => Change(() => sent[(int)direction] += bytes);

    /// <summary>Just before bytes are handed to the reader at the far end (so a wait it starts after handling them counts them).</summary>
    public void LineReceived(LineDirection direction, int bytes) => Change(() =>
    {
        waitingAt[(int)direction] = -1;
        received[(int)direction] += bytes;
    });

    /// <summary>The reader at the far end asks for more: it has handled everything it read.</summary>
    public void ReaderWaits(LineDirection direction) => Change(() => waitingAt[(int)direction] = received[(int)direction]);

    // Caller holds the gate.
    private bool Settled(LineDirection direction)
    {
        int d = (int)direction;
        return sent[d] == received[d] && waitingAt[d] == received[d];
    }

    private void Change(Action update) => changes.Change(update);
}

/// <summary>A direction on the line under a link.</summary>
internal enum LineDirection
{
    ToBoard,
    ToHost,
}
