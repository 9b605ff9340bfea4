using System.CommandLine;

namespace Edge.Cli.Commands.Board;

/// <summary>`edge board info`: handshake and status.</summary>
internal static class BoardInfoCommand
{
    public static Command Create()
    {
        var port = BoardOptions.Port();
        var baud = BoardOptions.Baud();
        var command = new Command("info", """
            Connects to a board and prints what it is and what it does: firmware, model, samples, inferences, drift
            verdict and alarm, capture, link errors.

            Examples:
              edge board info
              edge board info --port /dev/ttyUSB0 --baud 921600
            """)
        {
            port, baud,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            var (client, hello) = await BoardOptions.ConnectAsync(parse, port, baud, cancellationToken);
            await using (client)
            {
                var s = await client.StatusAsync();
                var w = io.Out;
                w.WriteLine($"board      {hello.BoardName} at {client.Address}");
                w.WriteLine($"firmware   {hello.FirmwareVersion}, link protocol {hello.ProtocolVersion}, up {TimeSpan.FromMilliseconds(s.UptimeMs):d\\.hh\\:mm\\:ss}");
                w.WriteLine($"model      {(s.ModelLoaded ? s.ModelId : "none")}; drift profile {(s.ProfileLoaded ? "loaded" : "none")}");
                w.WriteLine($"samples    {s.Samples:N0}, inferences {s.Inferences:N0} (mean {s.MeanInferenceMicros} us last window, max {s.MaxInferenceMicros} us), anomalies {s.Anomalies:N0}");
                w.WriteLine($"drift      {s.WindowsCompleted} window(s), last {(s.WindowKnown ? s.VerdictName : "none yet")}, alarm {(s.Alarm ? "RAISED" : "clear")}, capture {s.CaptureName}; {s.MissingValues:N0} missing value(s)");
                w.WriteLine($"link       session {hello.Session:x8}, window {hello.Window}; board rejected {s.FramesRejected} frame(s) ({s.CrcErrors} CRC, {s.Overlong} overlong), answered {s.ResentFromCache} resend(s) from its cache, {s.OutOfOrder} out of order");
                w.WriteLine($"capacity   staging {hello.StagingCapacity:N0} B, {hello.VectorSlots} vector slots, rows up to {hello.MaxRowWidth} values, arena budget {(hello.ArenaBudget > 0 ? $"{hello.ArenaBudget:N0} B" : "none")}, native kernels {(hello.NativeKernels ? "yes" : "no")}");
                w.WriteLine($"memory     {(hello.FreeMemory > 0 ? $"{hello.FreeMemory:N0} B free" : "free memory not reported")}; link buffers {hello.LinkBufferBytes:N0} B");
            }
            return ExitCode.Ok;
        });
        return command;
    }
}
