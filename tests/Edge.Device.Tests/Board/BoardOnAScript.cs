using Edge.Device.Board;
using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Tests.Board;

/// <summary>
/// The board's loop driven frame by frame, without threads or time: requests are encoded as a host
/// would, handed to <see cref="BoardRuntime.Poll"/>, and every frame the board writes is decoded.
/// Lost frames are simply requests not sent.
/// </summary>
internal sealed class BoardOnAScript
{
    private readonly ScriptTransport _transport = new();
    private readonly FrameEncoder _host = new();
    private readonly FrameDecoder _answers = new();
    private readonly byte[] _payload = new byte[LinkFrame.MaxPayload];

    public BoardOnAScript(int window = 4)
    {
        Runtime = new BoardRuntime(new BoardConfig { ResponseCacheSlots = window, MaxRowWidth = 8, VectorSlots = 2, StagingCapacity = 4096 },
            _transport, new StepClock(), new NoPin(), null, null);
    }

    public BoardRuntime Runtime { get; }

    /// <summary>A request frame as a host sends it (its wire bytes).</summary>
    public byte[] Frame(uint session, ushort id, byte command, LinkMessage? request = null)
    {
        int length = request?.Write(_payload, 0) ?? 0;
        Array.Copy(_payload, 0, _host.Payload, LinkFrame.PayloadAt, length);
        int wire = _host.Finish(FrameType.Request, session, id, command, 0, length);
        return _host.Wire.AsSpan(0, wire).ToArray();
    }

    /// <summary>Delivers frames to the board, runs one poll, returns the frames it wrote.</summary>
    public IReadOnlyList<Answer> Send(params byte[][] frames)
    {
        foreach (var frame in frames) _transport.Incoming.AddRange(frame);
        Runtime.Poll();
        var answers = new List<Answer>();
        foreach (byte b in _transport.TakeWritten())
        {
            if (_answers.Push(b))
                answers.Add(new Answer(_answers.Type, _answers.Session, _answers.RequestId, _answers.Command, _answers.Status,
                    _answers.Frame.AsSpan(LinkFrame.PayloadAt, _answers.PayloadLength).ToArray(), _answers.Frame.AsSpan(0, _answers.FrameLength).ToArray()));
        }
        return answers;
    }

    /// <summary>Bytes the board's loop allocates handling these frames (delivered before the measurement starts).</summary>
    public long MeasurePoll(byte[][] frames)
    {
        foreach (var frame in frames) _transport.Incoming.AddRange(frame);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Runtime.Poll();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        _transport.TakeWritten();
        return allocated;
    }

    public Answer Hello(uint session, int window = 4) =>
        Send(Frame(session, 0, LinkCommand.Hello, new HelloRequest { Window = window })).Single();

    public sealed record Answer(byte Type, uint Session, ushort Id, byte Command, byte Status, byte[] Payload, byte[] Bytes)
    {
        public T Read<T>(T message) where T : LinkMessage
        {
            message.Read(new ByteReader(Payload, 0, Payload.Length, "answer"));
            return message;
        }
    }

    private sealed class ScriptTransport : ITransport
    {
        public readonly List<byte> Incoming = new(1 << 20);
        private readonly byte[] _written = new byte[1 << 20];
        private int _writtenCount;

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(count, Incoming.Count);
            Incoming.CopyTo(0, buffer, offset, n);
            Incoming.RemoveRange(0, n);
            return n;
        }

        // Preallocated, so measuring the board's allocations measures only the board.
        public void Write(byte[] buffer, int offset, int count)
        {
            Array.Copy(buffer, offset, _written, _writtenCount, count);
            _writtenCount += count;
        }

        public byte[] TakeWritten()
        {
            var all = _written.AsSpan(0, _writtenCount).ToArray();
            _writtenCount = 0;
            return all;
        }
    }

    private sealed class StepClock : IClock
    {
        private long _now;
        public long Microseconds => _now += 10;
    }

    private sealed class NoPin : ITriggerPin
    {
        public void High() { }
        public void Low() { }
    }
}
